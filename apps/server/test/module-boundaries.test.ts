import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries (issue 13 item 4), read from the source files:
 * - a module's tables (`modules/<m>/*.table.ts`) are imported only by the files of module m, by the
 *   table files of other modules (a foreign key names the table it references) and outside modules/
 *   (db/schema.ts gathers every table for the migrations); every other module reads them through a
 *   function of m's repository or service;
 * - no file under modules/ imports app.ts (route files take their app type from platform/http/app-type.ts);
 * - an error code has one message, declared once in its module's `<m>.errors.ts`;
 * - modules do not import each other in a circle.
 */

const SRC = path.resolve(import.meta.dirname, '../src');

/** Source files by path relative to src/, tests left out. */
function readSources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        files.set(path.relative(SRC, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(SRC);
  return files;
}

/** The files a source file imports, as paths relative to src/ (packages and node built-ins left out). */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) found.push(path.normalize(path.join(path.dirname(file), m[1] ?? '')));
  return found;
}

/** `modules/<m>/…` → m; anything else → null. */
function moduleOf(file: string): string | null {
  const m = /^modules\/([^/]+)\//.exec(file);
  return m?.[1] ?? null;
}

/** Imports of another module's table file from a file that is not itself a table file. */
export function tableImportsAcrossModules(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of files) {
    const from = moduleOf(file);
    // Table files (foreign keys) and repositories (the data layer, where read models join) may name
    // another module's tables; services, routes and the rest go through that module's functions.
    if (!from || file.endsWith('.table.ts') || file.endsWith('.repository.ts')) continue;
    for (const target of importsOf(file, source)) {
      const owner = moduleOf(target);
      if (owner && owner !== from && target.endsWith('.table.ts')) out.push(`${file} -> ${target}`);
    }
  }
  return out.sort();
}

/** Files under modules/ that import app.ts. */
export function appImportsFromModules(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of files) if (moduleOf(file) && importsOf(file, source).includes('app.ts')) out.push(file);
  return out.sort();
}

const ERROR_CALL =
  /\b(?:notFound|badRequest|conflict|new AppError\(\s*\d+\s*,)\s*\(?\s*'([a-z0-9_]+\.[a-z0-9_.]+)'\s*,\s*('[^']*'|`[^`]*`)/g;

/** Every literal error code declared in the files, with its message as written and where. */
export function errorDeclarations(files: Map<string, string>): { code: string; message: string; file: string }[] {
  const out: { code: string; message: string; file: string }[] = [];
  for (const [file, source] of files)
    for (const m of source.matchAll(ERROR_CALL)) out.push({ code: m[1] ?? '', message: m[2] ?? '', file });
  return out;
}

/** Codes declared with more than one message. */
export function codesWithTwoMessages(decls: { code: string; message: string }[]): string[] {
  const messages = new Map<string, Set<string>>();
  for (const d of decls) messages.set(d.code, (messages.get(d.code) ?? new Set()).add(d.message));
  return [...messages].filter(([, m]) => m.size > 1).map(([code, m]) => `${code}: ${[...m].join(' | ')}`);
}

/** Codes declared in a module file other than its `<m>.errors.ts` (where they are thrown instead of declared). */
export function codesOutsideErrorFiles(decls: { code: string; file: string }[]): string[] {
  return decls
    .filter((d) => moduleOf(d.file) && !d.file.endsWith('.errors.ts'))
    .map((d) => `${d.file}: ${d.code}`)
    .sort();
}

/** The circles of modules importing each other (each as `a -> b -> … -> a`). */
export function moduleCycles(files: Map<string, string>): string[] {
  const edges = new Map<string, Set<string>>();
  for (const [file, source] of files) {
    const from = moduleOf(file);
    if (!from) continue;
    for (const target of importsOf(file, source)) {
      const to = moduleOf(target);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    for (const next of edges.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) {
        const circle = trail.slice(at);
        // One name per circle whichever module it was entered from: start at its smallest name.
        const start = circle.indexOf([...circle].sort()[0] ?? '');
        const turned = [...circle.slice(start), ...circle.slice(0, start)];
        cycles.add([...turned, turned[0]].join(' -> '));
      } else walk(next, [...trail, next]);
    }
  };
  for (const node of edges.keys()) walk(node, [node]);
  return [...cycles].sort();
}

/** Imports of other modules' tables outside repositories: none (each module reads another's through its functions). */
const TABLE_IMPORTS_LEFT: string[] = [];

/**
 * Files still throwing codes they do not take from their module's errors file. cases.actions.ts is
 * being rewritten elsewhere; it adopts cases.errors.ts (which already declares its codes) after that.
 */
const CODES_LEFT_OUTSIDE: string[] = [];

describe('module boundaries', () => {
  const files = readSources();

  it('reads the source tree', () => {
    expect(files.has('modules/cases/cases.table.ts')).toBe(true);
    expect(files.has('app.ts')).toBe(true);
  });

  it("imports another module's tables only from table files (foreign keys)", () => {
    expect(tableImportsAcrossModules(files)).toEqual(TABLE_IMPORTS_LEFT);
  });

  it('never imports app.ts from a module', () => {
    expect(appImportsFromModules(files)).toEqual([]);
  });

  it('declares each error code with one message', () => {
    expect(codesWithTwoMessages(errorDeclarations(files))).toEqual([]);
  });

  it("declares each module's error codes in its errors file", () => {
    expect(codesOutsideErrorFiles(errorDeclarations(files))).toEqual(CODES_LEFT_OUTSIDE);
  });

  it('has no circle of modules importing each other', () => {
    expect(moduleCycles(files)).toEqual([]);
  });
});

describe('the boundary checks catch a violation', () => {
  const sample = new Map([
    ['modules/a/a.table.ts', "import { b } from '../b/b.table.ts';\n"],
    [
      'modules/a/a.service.ts',
      "import { b } from '../b/b.table.ts';\nimport type { AppInstance } from '../../app.ts';\n",
    ],
    ['modules/b/b.table.ts', ''],
    ['modules/d/d.table.ts', ''],
    ['modules/b/b.repository.ts', "import { x } from '../c/c.service.ts';\nimport { d } from '../d/d.table.ts';\n"],
    ['modules/c/c.service.ts', "import { y } from '../a/a.service.ts';\nthrow notFound('c.gone', '不存在');\n"],
    ['modules/c/c.errors.ts', "export const gone = () => notFound('c.gone', '已删除');\n"],
  ]);

  it("finds a service importing another module's table, not the table file's foreign key nor a repository's join", () => {
    expect(tableImportsAcrossModules(sample)).toEqual(['modules/a/a.service.ts -> modules/b/b.table.ts']);
  });

  it('finds a module file importing app.ts', () => {
    expect(appImportsFromModules(sample)).toEqual(['modules/a/a.service.ts']);
  });

  it('finds a code with two messages, and a code thrown outside its errors file', () => {
    const decls = errorDeclarations(sample);
    expect(codesWithTwoMessages(decls)).toEqual(["c.gone: '不存在' | '已删除'"]);
    expect(codesOutsideErrorFiles(decls)).toEqual(['modules/c/c.service.ts: c.gone']);
  });

  it('finds a circle of three modules once', () => {
    expect(moduleCycles(sample)).toEqual(['a -> b -> c -> a']);
  });
});
