import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

/** Fastify's own error codes → a stable code and a Chinese message. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json', '请求体不是合法的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty_body', '请求体为空'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', '请求体过大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type', '不支持的请求内容类型'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.invalid_length', '请求长度与声明不符'],
};

const ZOD_PARTS: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** One error handler for the whole API: 4xx with a code and a Chinese message; 5xx without internals. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  // Whatever the service recorded inside its transaction was rolled back with it.
  if (req.ctx) req.ctx.audited = false;
  if (err instanceof AppError) {
    return reply.code(err.status).send({ code: err.code, message: err.message, details: err.details });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = ZOD_PARTS[err.validationContext ?? 'body'] ?? '请求';
    const details = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: describeIssue(v.keyword, v.params as { keys?: string[] }, v.message),
    }));
    return reply.code(400).send({ code: 'validation.failed', message: `${part}不合法：${details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('；')}`, details });
  }
  const mapped = err.code ? FASTIFY_ERRORS[err.code] : undefined;
  if (mapped) return reply.code(mapped[0]).send({ code: mapped[1], message: mapped[2] });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send({ code: 'request.invalid', message: '请求无效' });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试', requestId: req.id });
}

function describeIssue(code: string, params: { keys?: string[] }, fallback?: string): string {
  switch (code) {
    case 'unrecognized_keys':
      return `不允许的字段：${params.keys?.join(', ')}`;
    case 'invalid_type':
      return '缺少或类型错误';
    case 'too_small':
      return '过短或过小';
    case 'too_big':
      return '过长或过大';
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    default:
      return fallback ?? '不合法';
  }
}
