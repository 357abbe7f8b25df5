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

/** What a stale actor is told of the record as it now is: enough to refresh, nothing more. */
export interface CurrentVersion {
  id: string;
  state: string;
  version: number;
}

/**
 * A 409 for an actor who acted on an older version: the API's error handler adds the record's id,
 * state and version as `current` (and the request id), so the client can show what happened meanwhile.
 */
export class StaleVersionError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly current: CurrentVersion | undefined,
  ) {
    super(409, code, message);
  }
}

export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const badRequest = (code: string, message: string, details?: { path: string; message: string }[]) =>
  new AppError(400, code, message, details);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'access.denied', message);
export const unauthenticated = () => new AppError(401, 'auth.unauthenticated', '请先登录');
