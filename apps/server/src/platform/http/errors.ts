import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, StaleVersionError } from '../errors.ts';

/** Fastify's own error codes → a stable code and a Chinese message. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json', '请求体不是合法的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty_body', '请求体为空'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', '请求体过大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type', '不支持的请求内容类型'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.invalid_length', '请求长度与声明不符'],
};

/**
 * PostgreSQL refusals caused by what the client sent (SQLSTATE, see the PostgreSQL manual's
 * appendix A). Schemas refuse these inputs first; this is the net for whatever still reaches the
 * database, so bad input is never a 500. Class 22 (data exception: invalid text representation,
 * numeric out of range, bad byte sequence, untranslatable character, string too long, …) is one 400.
 */
const SQLSTATE_ERRORS: Record<string, [number, string, string]> = {
  '22': [400, 'request.invalid_value', '请求中含有无法保存的值（数字超出范围、无效字符或过长的文本）'],
  '23502': [400, 'request.missing_value', '缺少必填的值'],
  '23503': [409, 'request.reference_conflict', '引用的记录不存在，或该记录仍被其他记录引用'],
  '23505': [409, 'request.duplicate', '与已有记录重复'],
  '23514': [400, 'request.constraint_violation', '数据不满足约束条件'],
};

interface DatabaseErrorLike {
  code: string;
  table?: string;
  constraint?: string;
}

/** The PostgreSQL error inside `err` (Drizzle wraps it in `.cause`; pg and PGlite errors carry `.code`), if it is one we map. */
export function inputDatabaseError(
  err: unknown,
): { error: DatabaseErrorLike; mapped: [number, string, string] } | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const mapped = SQLSTATE_ERRORS[code] ?? (code.startsWith('22') ? SQLSTATE_ERRORS['22'] : undefined);
      if (mapped) return { error: e as DatabaseErrorLike, mapped };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Errors Fastify's router raises before any route or hook runs (a bad percent-encoding, an over-long path parameter). */
const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_BAD_URL: [400, 'request.bad_url', '请求地址不合法（编码错误）'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'request.url_too_long', '请求地址中的参数过长'],
};

/** Fastify's `frameworkErrors`: the same `{ code, message }` body as every other 4xx. */
export function handleFrameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const [status, code, message] = FRAMEWORK_ERRORS[err.code] ?? [400, 'request.invalid', '请求无效'];
  return reply.code(status).send({ code, message });
}

const ZOD_PARTS: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** One error handler for the whole API: 4xx with a code and a Chinese message; 5xx without internals. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  // Whatever the service recorded inside its transaction was rolled back with it.
  if (req.ctx) req.ctx.audited = false;
  if (err instanceof StaleVersionError && err.current) {
    const { id, state, version } = err.current;
    return reply
      .code(409)
      .send({ code: err.code, message: err.message, requestId: req.id, current: { id, state, version } });
  }
  if (err instanceof AppError) {
    return reply.code(err.status).send({ code: err.code, message: err.message, details: err.details });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = ZOD_PARTS[err.validationContext ?? 'body'] ?? '请求';
    const details = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: describeIssue(v.keyword, v.params as { keys?: string[] }, v.message),
    }));
    return reply.code(400).send({
      code: 'validation.failed',
      message: `${part}不合法：${details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('；')}`,
      details,
    });
  }
  const mapped = err.code ? FASTIFY_ERRORS[err.code] : undefined;
  if (mapped) return reply.code(mapped[0]).send({ code: mapped[1], message: mapped[2] });
  const dbError = inputDatabaseError(err);
  if (dbError) {
    // The input should have been refused by its schema: worth a warning, without the values.
    req.log.warn(
      {
        sqlstate: dbError.error.code,
        table: dbError.error.table,
        constraint: dbError.error.constraint,
        route: req.routeOptions.url,
      },
      'database refused the input',
    );
    return reply.code(dbError.mapped[0]).send({ code: dbError.mapped[1], message: dbError.mapped[2] });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send({ code: 'request.invalid', message: '请求无效' });
  }
  // The logger's error serializer (platform/logging.ts) keeps a database error's SQLSTATE, table and
  // constraint and drops the statement, its parameters and pg's detail.
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
    case 'invalid_union':
      return '不符合任何允许的形式';
    default:
      // A refinement's own message is Chinese; zod's defaults ("Invalid input") are not.
      return fallback && /[\u4e00-\u9fa5]/.test(fallback) ? fallback : '不合法';
  }
}
