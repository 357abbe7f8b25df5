import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';
import { phonePage } from './build/phone-page.ts';
import { serviceWorker } from './build/service-worker.ts';

/**
 * Ant Design's machinery (config, theme, CSS-in-JS, motion, portals, popups) and the components the phone
 * screens use: one chunk instead of some thirty small ones, each of which would cost a request and its
 * headers on a slow phone. Every desktop page needs the machinery too, so nothing is loaded twice.
 */
const ANTD_BASE = new RegExp(
  [
    String.raw`antd[\/]es[\/](_util|config-provider|theme|locale|style|app|message|modal|notification|button|input|alert|switch|tag|popconfirm|popover|tooltip|drawer|empty|spin|skeleton|space|watermark|grid|form[\/]context)`,
    String.raw`@ant-design[\/](cssinjs|cssinjs-utils|fast-color|colors|react-slick)[\/]`,
    String.raw`@ant-design[\/]icons[\/]es[\/](components|utils)`,
    String.raw`@rc-component[\/](util|motion|resize-observer|portal|trigger|input|textarea|switch|drawer|dialog|notification|form|async-validator|context)[\/]`,
  ].join('|'),
);

const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

/**
 * Dev: Vite on 5173 proxies /api to the server. Prod: the server serves dist/ on one port, with the
 * brotli/gzip copies written here and the service worker generated from the build's chunks.
 */
export default defineConfig({
  base: '/',
  plugins: [react(), precompress(), serviceWorker(), phonePage()],
  server: {
    port: 5173,
    proxy: apiProxy,
  },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // echarts and leaflet are large but load only with their pages.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // zod's builders (z.object(), z.enum() …) have no side effects: a module of @gewu/domain that the
      // phone uses for a constant does not drag the schemas it also defines, and zod with them, along.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        codeSplitting: {
          // Only libraries that load with their own pages get a fixed chunk; Ant Design and the rest
          // are split by the bundler along the import graph, so the phone's first load takes only the
          // components the phone screens use (bench/phone-load.ts, e2e/phone/budget.spec.ts).
          groups: [
            // geoman reads a global L that features/grids/leaflet.ts sets: one chunk keeps their order.
            // It is the grid editor's alone; the maps that only show things (the phone's pin map) load
            // the Leaflet chunk without it.
            {
              name: 'geoman',
              test: /node_modules[\\/]@geoman-io[\\/]|features[\\/]grids[\\/](leaflet|geoman)\.ts$/,
              priority: 4,
            },
            // Captured first, so the geoman group (which takes its modules' dependencies) leaves it out.
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 5 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 4 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'antd-base', test: ANTD_BASE, priority: 2 },
          ],
        },
      },
    },
  },
});
