import { conflict, notFound } from '../../platform/errors.ts';

/** The apikeys module's errors: each code with its status and one Chinese message, thrown from here. */
export const apikeyNotFound = () => notFound('apikey.not_found', '接口密钥不存在或不在您的管辖范围内');
export const apikeyRevoked = () => conflict('apikey.revoked', '该接口密钥已吊销');
