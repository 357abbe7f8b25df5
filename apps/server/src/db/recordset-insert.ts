import { type Column, type Table, getTableColumns, getTableName } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.ts';

/**
 * Hot paths (intake at a thousand reports a second) cannot afford building SQL per request, nor a
 * statement per row: the query builder spends more CPU assembling a statement than PostgreSQL
 * spends running it, and every statement costs a round trip and a commit. A recordset insert is the
 * text of `INSERT INTO t (…) SELECT x.a, x.b FROM json_populate_recordset(NULL::t, $n::json) AS x`,
 * made once from the Drizzle table: any number of rows travel as one JSON parameter (PostgreSQL
 * parses each value with the column's own type), so the text never changes with the number of rows
 * and is prepared once per connection.
 */
export interface RecordsetInsert<Row> {
  /** `INSERT INTO "t" ("a", "b") SELECT x."a", x."b" FROM json_populate_recordset(NULL::"t", $n::json) AS x` (add a JOIN or WHERE as needed). */
  readonly text: string;
  /** One row as the JSON object `json_populate_recordset` reads: keyed by column name. */
  record(row: Row): Record<string, unknown>;
}

type Keys<T extends Table> = keyof T['$inferInsert'] & string;

/**
 * Builds a recordset insert of the listed columns of `table`, its rows read from parameter `$param`
 * under the alias `x`. `expressions` replaces a column's value with SQL text, in which `$$` stands
 * for the row's own value (`x."col"`).
 */
export function recordsetInsert<T extends Table>(
  table: T,
  keys: readonly Keys<T>[],
  options: { param: number; expressions?: Partial<Record<Keys<T>, string>> },
): RecordsetInsert<T['$inferInsert']> {
  const tableName = getTableName(table);
  const all = getTableColumns(table) as Record<string, Column>;
  const columns = keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${tableName} has no column ${key}`);
    return { key, name: column.name };
  });
  const values = columns.map(({ key, name }) => {
    const own = `x."${name}"`;
    const expression = options.expressions?.[key];
    return expression === undefined ? own : expression.replaceAll('$$', own);
  });
  return {
    text: `INSERT INTO "${tableName}" (${columns.map((c) => `"${c.name}"`).join(', ')}) SELECT ${values.join(', ')} FROM json_populate_recordset(NULL::"${tableName}", $${options.param}::json) AS x`,
    record(row) {
      const r = row as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      // Dates become ISO strings through JSON.stringify; JSON columns travel as they are.
      for (const { key, name } of columns) {
        const v = r[key];
        out[name] = typeof v === 'bigint' ? v.toString() : (v ?? null);
      }
      return out;
    },
  };
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
  if (client instanceof pg.Pool)
    return (await client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: params }))
      .rows;
  return (
    await (client as { query(text: string, params: unknown[]): Promise<{ rows: T[] }> }).query(statement.text, params)
  ).rows;
}
