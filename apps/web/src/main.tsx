import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import './i18n/index.ts';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
