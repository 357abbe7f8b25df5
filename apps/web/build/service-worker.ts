import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

type Output = Parameters<NonNullable<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>>[1];
type Chunk = Extract<Output[string], { type: 'chunk' }>;

/** A chunk the phone screens need: it holds a module of src/mobile/, or the English strings. */
const isPhoneChunk = (chunk: Chunk) =>
  chunk.moduleIds.some((id) => /[\\/]src[\\/]mobile[\\/]|[\\/]i18n[\\/]resources\.en\.ts$/.test(id));

/** Files that keep their names (public/): the shell caches them too. */
const SHELL_FILES = [
  '/index.html',
  '/manifest.webmanifest',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/apple-touch-icon.png',
];

/**
 * The phone pages' precache list: index.html, the manifest and icons, the entry chunk and every chunk
 * it imports, and the phone screens' chunks (found by their modules) with theirs — with their CSS.
 * Desktop pages are not in it; they load (and are cached at run time) when opened online.
 */
export function precacheList(bundle: Output): string[] {
  const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files = new Set<string>();
  const add = (chunk: Chunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of chunk.imports) {
      const next = byFile.get(imported);
      if (next) add(next);
    }
  };
  for (const chunk of chunks) if (chunk.isEntry || isPhoneChunk(chunk)) add(chunk);
  return [...SHELL_FILES, ...[...files].sort().map((f) => `/${f}`)];
}

/** Emits sw.js from build/sw.js with this build's precache list and a version derived from it. */
export function serviceWorker(): Plugin {
  const template = fs.readFileSync(path.join(import.meta.dirname, 'sw.js'), 'utf8');
  return {
    name: 'gewu:service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const list = precacheList(bundle);
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = template
        .replace('__GEWU_SW_VERSION__', version)
        .replace('__GEWU_SW_PRECACHE__', JSON.stringify(list).replaceAll("'", "\\'"));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
