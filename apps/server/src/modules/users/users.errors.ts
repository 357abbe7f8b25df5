import { badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The users module's errors: each code with its status and one Chinese message, thrown from here. */
export const userCannotDisableSelf = () => badRequest('user.cannot_disable_self', '不能停用自己的账号');
export const userNotFound = () => notFound('user.not_found', '用户不存在或不在您的管辖范围内');
export const userResetOwnPassword = () => badRequest('user.reset_own_password', '请在个人设置中修改自己的密码');
export const passwordPolicyRefused = (reason: string, path: string) =>
  badRequest('auth.password_policy', reason, [{ path, message: reason }]);
export const usernameTaken = (username: string) => conflict('user.username_taken', `用户名 ${username} 已被使用`);
