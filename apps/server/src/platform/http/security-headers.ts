/**
 * The Content-Security-Policy of every response, API and web UI alike. The UI is built by Vite into
 * files (apps/web/index.html has no inline script), so scripts come only from the server itself.
 */
export function contentSecurityPolicy(imgHosts: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design's CSS-in-JS (cssinjs) writes <style> elements and style attributes at run time;
    // without 'unsafe-inline' for styles the UI renders unstyled. Scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    // Map tiles come from the configured tile servers; Leaflet's icons and photo previews use data:/blob: URLs.
    `img-src 'self' data: blob:${imgHosts.map((h) => ` ${h}`).join('')}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
