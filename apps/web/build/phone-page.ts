import type { Plugin } from 'vite';

type Output = Parameters<NonNullable<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>>[1];
type Chunk = Extract<Output[string], { type: 'chunk' }>;

/** The phone pages' root module: every /m/ page needs its chunk and the chunks it imports. */
const PHONE_ROOT = /[\\/]src[\\/]mobile[\\/]MobileApp\.tsx$/;
/** The sign-in page's module: where a visitor without a session lands, from /m/… as from anywhere. */
const LOGIN_ROOT = /[\\/]src[\\/]features[\\/]auth[\\/]LoginPage\.tsx$/;

/** The files a chunk needs before it runs: itself, the chunks it imports statically, and their CSS. */
function closure(start: Chunk, byFile: Map<string, Chunk>): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (chunk: Chunk) => {
    if (js.has(chunk.fileName)) return;
    js.add(chunk.fileName);
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
    for (const imported of chunk.imports) {
      const next = byFile.get(imported);
      if (next) visit(next);
    }
  };
  visit(start);
  return { js, css };
}

/**
 * The head tags that fetch a lazily loaded page's code (the phone screens', the sign-in page's)
 * together with the entry's. Without them a phone opening /m/report learns of those chunks only after
 * the entry has arrived, run and asked who is signed in: two more round trips of 560 ms on slow 4G
 * (bench/phone-load.ts). Empty when the build has no such root (a test bundle, say).
 */
export function preloadTags(bundle: Output, rootModule: RegExp = PHONE_ROOT): string {
  const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const root = chunks.find((c) => c.facadeModuleId && rootModule.test(c.facadeModuleId));
  if (!root) return '';
  const loaded = new Set<string>();
  for (const entry of chunks.filter((c) => c.isEntry)) {
    const { js, css } = closure(entry, byFile);
    for (const f of [...js, ...css]) loaded.add(f);
  }
  const phone = closure(root, byFile);
  const tags = [
    ...[...phone.css]
      .filter((f) => !loaded.has(f))
      .sort()
      // As Vite's loader would add it (crossorigin, stylesheet), so the loader finds it and asks no second time.
      .map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...[...phone.js]
      .filter((f) => !loaded.has(f))
      .sort()
      .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ];
  return tags.join('\n    ');
}

/**
 * Emits index.html's two variants: m.html with the phone screens' chunks preloaded, and login.html with
 * the sign-in page's. The server (apps/server/src/platform/http/web-ui.ts) answers a request without a
 * session cookie for /login or /m/… with login.html, /m/… with m.html, and every other page with
 * index.html, so a desktop page does not fetch the phone's code.
 */
export function phonePage(): Plugin {
  return {
    name: 'gewu:phone-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') this.error('index.html is not in the bundle');
      const html = String(index.source);
      if (!html.includes('</head>')) this.error('index.html has no </head>');
      for (const [fileName, root] of [
        ['m.html', PHONE_ROOT],
        ['login.html', LOGIN_ROOT],
      ] as const) {
        const tags = preloadTags(bundle, root);
        this.emitFile({ type: 'asset', fileName, source: html.replace('</head>', `  ${tags}\n  </head>`) });
      }
    },
  };
}
