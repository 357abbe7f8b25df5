import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './app-type.ts';
import { declarePublic } from './route-access.ts';
import { SESSION_COOKIE } from './session.ts';

/** Vite names every file under /assets/ by its content hash: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, the service worker, the manifest and the icons keep their names: the browser asks again each time (ETag). */
const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the built UI, by its path relative to the dist directory. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split(path.sep).join('/').startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

const pathOf = (url: string) => url.split(/[?#]/, 1)[0] ?? '';

/** /m and /m/… (with or without a query): the phone pages. */
export function isPhonePage(url: string): boolean {
  const pathname = pathOf(url);
  return pathname === '/m' || pathname.startsWith('/m/');
}

/**
 * Phone pages anyone may open without signing in (the visitor's progress lookup, 来访办理进度): they
 * are not the signed-in phone screens and send nobody to the sign-in form, so they get the plain page.
 */
export const PUBLIC_PHONE_PAGES: readonly string[] = ['/m/track'];

/** The variants of index.html the build writes (apps/web/build/phone-page.ts), by the page they preload. */
export type PageVariant = 'index' | 'phone' | 'login';

/**
 * Which variant a page request gets: a request without a session cookie for /login or a phone page
 * will show the sign-in form (the app sends it there), so it gets the sign-in page's chunks; a phone
 * page the phone screens'; a public phone page (PUBLIC_PHONE_PAGES) and anything else the plain index.html. Only a hint for preloading: the app
 * decides what to show from /api/auth/me, whichever variant arrives.
 */
export function pageVariant(url: string, hasSessionCookie: boolean): PageVariant {
  if (PUBLIC_PHONE_PAGES.includes(pathOf(url).replace(/\/$/, ''))) return 'index';
  const phone = isPhonePage(url);
  if (!hasSessionCookie && (phone || pathOf(url) === '/login')) return 'login';
  return phone ? 'phone' : 'index';
}

/**
 * Serves the built web UI from the same port, with the SPA's index.html for client routes. The build
 * writes a brotli (.br) and a gzip (.gz) copy beside each text file (apps/web/build/precompress.ts);
 * the one the browser accepts is sent with its Content-Encoding, the plain file otherwise.
 */
export async function registerWebUi(app: AppInstance, webDist: string): Promise<void> {
  const indexHtml = path.join(webDist, 'index.html');
  const hasUi = fs.existsSync(indexHtml);
  // The variants with a page's chunks preloaded (apps/web/build/phone-page.ts); index.html where the
  // build wrote none (a test stand-in, say).
  const variantFile = (file: string) =>
    fs.existsSync(path.join(webDist, file)) ? path.join(webDist, file) : indexHtml;
  const pages: Record<PageVariant, string> = {
    index: indexHtml,
    phone: variantFile('m.html'),
    login: variantFile('login.html'),
  };
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
        .header('vary', 'cookie')
        .send(fs.createReadStream(pages[pageVariant(req.url, req.cookies[SESSION_COOKIE] !== undefined)]));
    }
    return reply
      .code(404)
      .send({ code: 'route.not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}
