/** A domain error with a stable machine code, an HTTP status and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const badRequest = (code: string, message: string, details?: { path: string; message: string }[]) =>
  new AppError(400, code, message, details);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'access.denied', message);
export const unauthenticated = () => new AppError(401, 'auth.unauthenticated', '请先登录');
