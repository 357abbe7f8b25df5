import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './app-type.ts';
import { declarePublic } from './route-access.ts';

/** Vite names every file under /assets/ by its content hash: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, the service worker, the manifest and the icons keep their names: the browser asks again each time (ETag). */
const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the built UI, by its path relative to the dist directory. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split(path.sep).join('/').startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/** /m and /m/… (with or without a query): the phone pages. */
export function isPhonePage(url: string): boolean {
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  return pathname === '/m' || pathname.startsWith('/m/');
}

/**
 * Serves the built web UI from the same port, with the SPA's index.html for client routes. The build
 * writes a brotli (.br) and a gzip (.gz) copy beside each text file (apps/web/build/precompress.ts);
 * the one the browser accepts is sent with its Content-Encoding, the plain file otherwise.
 */
export async function registerWebUi(app: AppInstance, webDist: string): Promise<void> {
  const indexHtml = path.join(webDist, 'index.html');
  const hasUi = fs.existsSync(indexHtml);
  // The phone pages' variant, with their chunks preloaded (apps/web/build/phone-page.ts).
  const phoneHtml = path.join(webDist, 'm.html');
  const hasPhonePage = fs.existsSync(phoneHtml);
  if (hasUi) {
    await app.register(async (ui) => {
      declarePublic(ui, "the web UI's own files; data comes only through the API");
      await ui.register(fastifyStatic, {
        root: webDist,
        wildcard: false,
        index: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, filePath) => {
          reply.header('cache-control', cacheControlFor(path.relative(webDist, filePath)));
        },
      });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, not the page: a stale page or the service worker asking for an old
    // hash must fail visibly rather than run HTML as a script.
    const isFile = req.url.startsWith('/api/') || req.url.startsWith('/open311/') || req.url.startsWith('/assets/');
    if (!isFile && hasUi && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', REVALIDATE)
        .send(fs.createReadStream(hasPhonePage && isPhonePage(req.url) ? phoneHtml : indexHtml));
    }
    return reply
      .code(404)
      .send({ code: 'route.not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}
