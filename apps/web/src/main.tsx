import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { languageReady } from './i18n/index.ts';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// English, when chosen, comes in its own file: render once the strings are there (Chinese: at once).
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// The service worker makes the phone pages open offline (build/sw.js). Registered after the page has
// loaded, so its precaching never competes with the first load.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err: unknown) => console.warn('service worker', err));
  });
}
