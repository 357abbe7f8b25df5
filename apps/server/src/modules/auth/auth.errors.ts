import { AppError, badRequest } from '../../platform/errors.ts';

/** The auth module's errors: each code with its status and one Chinese message, thrown from here. */
export const authDisabled = () => new AppError(403, 'auth.disabled', '账号已停用，请联系管理员');
export const authInvalidCredentials = () => new AppError(401, 'auth.invalid_credentials', '用户名或密码错误');
export const authPasswordReused = () => badRequest('auth.password_reused', '新密码不能与当前密码相同');
export const authWrongPassword = () => badRequest('auth.wrong_password', '当前密码不正确');
export const loginPaused = (minutes: number) =>
  new AppError(423, 'auth.locked', `该用户名在本地址登录失败次数过多，已暂停登录，请 ${minutes} 分钟后再试`);
