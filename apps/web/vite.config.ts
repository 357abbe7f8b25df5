import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

/** Dev: Vite on 5173 proxies /api to the server. Prod: the server serves dist/ on one port. */
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: apiProxy,
  },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB; vendor chunks change rarely, so browsers keep them across releases.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 3 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
});
