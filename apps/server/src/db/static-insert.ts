import { type Column, type Table, getTableColumns, getTableName } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.ts';

/**
 * Hot paths (intake at a thousand reports a second) cannot afford building SQL per request: the
 * query builder spends more CPU assembling a statement than PostgreSQL spends running it. A static
 * insert is the text of `INSERT INTO t (…) SELECT $n::type, …` made once from the Drizzle table,
 * plus a function turning a row object into its parameters (through each column's own driver
 * mapping, so dates, JSON and arrays travel exactly as Drizzle would send them).
 */
export interface StaticInsert<Row> {
  /** `INSERT INTO "t" ("a", "b") SELECT $3::uuid, $4::text` (then add `FROM …` as needed). */
  readonly text: string;
  /** The parameters of this insert, in order, for one row. */
  params(row: Row): unknown[];
  /** The number of parameters this insert takes. */
  readonly paramCount: number;
  /** The number of the first parameter after this insert's own. */
  readonly nextParam: number;
  /** The keys of the columns with a parameter, in parameter order. */
  readonly keys: readonly string[];
}

type Keys<T extends Table> = keyof T['$inferInsert'] & string;

/**
 * Builds a static insert of the listed columns of `table`, its parameters numbered from
 * `firstParam`. `expressions` replaces a column's value with SQL text, in which `$$` stands for
 * the column's own parameter (or none, e.g. a value from a CTE: `s.code`).
 */
export function staticInsert<T extends Table>(
  table: T,
  keys: readonly Keys<T>[],
  options: { firstParam: number; expressions?: Partial<Record<Keys<T>, string>> },
): StaticInsert<T['$inferInsert']> {
  const tableName = getTableName(table);
  const all = getTableColumns(table) as Record<string, Column>;
  const withParam: { key: string; column: Column }[] = [];
  const values: string[] = [];
  for (const key of keys) {
    const column = all[key];
    if (!column) throw new Error(`${tableName} has no column ${key}`);
    const expression = options.expressions?.[key];
    if (expression !== undefined && !expression.includes('$$')) {
      values.push(expression);
      continue;
    }
    const placeholder = `$${options.firstParam + withParam.length}::${column.getSQLType()}`;
    withParam.push({ key, column });
    values.push(expression === undefined ? placeholder : expression.replaceAll('$$', placeholder));
  }
  const names = keys.map((k) => `"${(all[k] as Column).name}"`).join(', ');
  return {
    text: `INSERT INTO "${tableName}" (${names}) SELECT ${values.join(', ')}`,
    paramCount: withParam.length,
    nextParam: options.firstParam + withParam.length,
    keys: withParam.map((p) => p.key),
    params(row) {
      const r = row as Record<string, unknown>;
      const out = new Array<unknown>(withParam.length);
      for (let i = 0; i < withParam.length; i++) {
        const { key, column } = withParam[i] as { key: string; column: Column };
        const v = r[key];
        out[i] = v === undefined || v === null ? null : arrayOrValue(column, v);
      }
      return out;
    },
  };
}

/** Array columns travel as an array literal (`{a,b}`), so both drivers send them the same way. */
function arrayOrValue(column: Column, v: unknown): unknown {
  if (column.columnType === 'PgArray' && Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  const mapped = column.mapToDriverValue(v);
  return typeof mapped === 'object' && mapped !== null && !(mapped instanceof Date) ? JSON.stringify(mapped) : mapped instanceof Date ? mapped.toISOString() : mapped;
}

/**
 * Runs one statement given as text with `$n` parameters on the database's own client, outside the
 * query builder. Only for the root database (not inside a transaction: that would take another
 * connection); one statement is atomic on its own.
 */
export async function rawRows<T>(db: Db, statement: { name: string; text: string }, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!client) throw new Error('rawRows needs the root database, not a transaction');
  // On a server the statement is prepared once per connection (parsed and planned once, by name).
  if (client instanceof pg.Pool) return (await client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: params })).rows;
  return (await (client as { query(text: string, params: unknown[]): Promise<{ rows: T[] }> }).query(statement.text, params)).rows;
}
