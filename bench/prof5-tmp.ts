import { GridIndex, jitteredTiling } from '@gewu/geo';
const items = jitteredTiling({ cols: 500, rows: 400, extent: [110.3, 31.4, 116.6, 36.4], seed: 2024 });
for (let rep = 0; rep < 2; rep++) { console.log('--- build start'); const t = performance.now(); new GridIndex(items); console.log('build', (performance.now() - t).toFixed(0)); }
