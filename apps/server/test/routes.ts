import type { RouteOptions } from 'fastify';
import type { z } from 'zod';
import { INT4_MAX, INT4_MIN, isSafeText } from '@gewu/domain';
import type { BuildOptions } from '../src/app.ts';
import { createTestApp, type TestApp } from './app.ts';

export type SchemaPart = 'params' | 'querystring' | 'body';
export const SCHEMA_PARTS: SchemaPart[] = ['params', 'querystring', 'body'];

/** One route of the real app as registered: method, URL pattern, its input schemas and its route config. */
export interface RouteInfo {
  method: string;
  url: string;
  schema: Partial<Record<SchemaPart, z.ZodType>>;
  config: Record<string, unknown>;
}

/** A test app whose every route (method, URL, zod schemas, config) was recorded as Fastify registered it. */
export async function createAppWithRoutes(
  env: Record<string, string> = {},
  options: Omit<BuildOptions, 'onRoute'> = {},
): Promise<{ t: TestApp; routes: RouteInfo[] }> {
  const routes: RouteInfo[] = [];
  const onRoute = (r: RouteOptions) => {
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
    const s = (r.schema ?? {}) as Record<string, unknown>;
    const schema: RouteInfo['schema'] = {};
    for (const part of SCHEMA_PARTS) if (s[part]) schema[part] = s[part] as z.ZodType;
    for (const method of methods)
      routes.push({ method, url: r.url, schema, config: (r.config ?? {}) as Record<string, unknown> });
  };
  const t = await createTestApp(env, { ...options, onRoute });
  return { t, routes };
}

// A structural view of zod 4's definitions, enough to walk them (the schema lint here, the fuzzer in fuzz.ts).
export interface Def {
  type: string;
  format?: string;
  checks?: {
    _zod: {
      def: {
        check: string;
        format?: string;
        fn?: unknown;
        pattern?: RegExp;
        minimum?: number;
        maximum?: number;
        value?: number;
      };
    };
  }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  pattern?: RegExp;
}
export const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every place in an input schema that would let text or a number through unchecked:
 * a string without the safe-text check (or a non-regex format such as uuid/datetime), an integer
 * outside int4, a non-integer number without finite bounds, or `any`/`unknown`.
 */
export function unsafeLeaves(schema: z.ZodType, at = '', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = defOf(schema);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const walk = (s: z.ZodType | null | undefined, p: string) => (s ? unsafeLeaves(s, p, seen) : []);
  switch (d.type) {
    case 'string': {
      const safe =
        checks.some((c) => c.fn === isSafeText) ||
        (d.format !== undefined && d.format !== 'regex') ||
        checks.some((c) => c.check === 'string_format' && c.format !== 'regex');
      return safe ? [] : [`${at || '(root)'}: string`];
    }
    case 'number': {
      const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const isInt =
        checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) ||
        d.format === 'safeint' ||
        d.format === 'int32';
      const lo = n.minValue ?? -Infinity;
      const hi = n.maxValue ?? Infinity;
      if (isInt) return lo >= INT4_MIN && hi <= INT4_MAX ? [] : [`${at}: integer outside int4`];
      return Number.isFinite(lo) && Number.isFinite(hi) ? [] : [`${at}: unbounded number`];
    }
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([k, v]) => walk(v, at ? `${at}.${k}` : k));
    case 'array':
      return walk(d.element, `${at}[]`);
    case 'tuple':
      return [...(d.items ?? []).flatMap((s, i) => walk(s, `${at}[${i}]`)), ...walk(d.rest, `${at}[]`)];
    case 'union':
      return (d.options ?? []).flatMap((s) => walk(s, at));
    case 'intersection':
      return [...walk(d.left, at), ...walk(d.right, at)];
    case 'record':
      return [...walk(d.keyType, `${at}{key}`), ...walk(d.valueType, `${at}{}`)];
    case 'pipe':
      return [...walk(d.in, at), ...walk(d.out, at)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(d.innerType, at);
    case 'lazy':
      return d.getter ? walk(d.getter(), at) : [];
    case 'any':
    case 'unknown':
      return [`${at}: ${d.type}`];
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'transform':
    case 'never':
      return [];
    default:
      return [`${at}: unchecked type ${d.type}`];
  }
}
