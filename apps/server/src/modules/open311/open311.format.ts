import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/**
 * The two wire formats of GeoReport v2, chosen by the resource's suffix. JSON is an array (or
 * object) of the same fields; XML wraps a list in a root element with one child per entry
 * (`<services><service>…</service></services>`), always with the UTF-8 declaration the spec asks for.
 */
export type Format = 'json' | 'xml';

const builder = new XMLBuilder({
  format: false,
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** The spec's XML lists inside an object: `<attributes><attribute>…</attribute>…</attributes>`. */
const LIST_ITEMS: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** A value as XML text: null → empty element, booleans and numbers as their text, arrays repeat. */
function forXml(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(forXml);
  if (typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => [
        k,
        Array.isArray(x) && LIST_ITEMS[k] ? { [LIST_ITEMS[k]]: forXml(x) } : forXml(x),
      ]),
    );
  }
  return String(v);
}

export function toXml(root: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: forXml(body) }) as string}`;
}

/** Sends a list: JSON array, or `<root><item>…</item>…</root>`. */
export function sendList(
  reply: FastifyReply,
  format: Format,
  root: string,
  item: string,
  rows: readonly Record<string, unknown>[],
  status = 200,
) {
  if (format === 'json') return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(rows));
  return reply
    .code(status)
    .type('text/xml; charset=utf-8')
    .send(toXml(root, { [item]: rows }));
}

/** Sends one object: JSON object, or `<root>…</root>`. */
export function sendObject(reply: FastifyReply, format: Format, root: string, body: Record<string, unknown>) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, body));
}

/** An error in the spec's shape; `status` is the HTTP status (404, 403 or 400), also used as the code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

/** `[{code, description}]` or `<errors><error><code/><description/></error></errors>`, several at once. */
export function sendErrors(reply: FastifyReply, format: Format, e: Open311Error) {
  return sendList(
    reply,
    format,
    'errors',
    'error',
    e.descriptions.map((description) => ({ code: e.status, description })),
    e.status,
  );
}

/**
 * A time as ISO 8601 with an offset, in China time (`2026-11-28T10:37:19+08:00`): what the spec
 * requires and what a resident reading the feed expects.
 */
export function isoChina(d: Date | null | undefined): string | null {
  if (!d) return null;
  const shifted = new Date(d.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The format from a `name.json` / `name.xml` path segment, or null. */
export function splitFormat(segment: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(segment);
  return m ? { name: m[1] as string, format: m[2] as Format } : null;
}
