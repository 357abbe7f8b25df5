import { GridIndex, jitteredTiling, mulberry32 } from '@gewu/geo';
const items = jitteredTiling({ cols: 500, rows: 400, extent: [110.3, 31.4, 116.6, 36.4], seed: 2024 });
let t = performance.now();
const index = new GridIndex(items);
const I = index as any;
console.log('build', (performance.now() - t).toFixed(0), 'mem MB', (index.memoryBytes / 2 ** 20).toFixed(1), 'raster', I.raster.cols, I.raster.rows, 'exact cells', (I.raster.grid.filter((v: number) => v === -1).length / I.raster.grid.length).toFixed(3));
const N = 1_000_000; const r = mulberry32(7);
const xs = new Float64Array(N), ys = new Float64Array(N);
for (let k = 0; k < N; k++) { xs[k] = 110.3 + r() * 6.3; ys[k] = 31.4 + r() * 5; }
for (let rep = 0; rep < 4; rep++) {
  t = performance.now();
  for (let k = 0; k < N; k++) index.lookup(xs[k]!, ys[k]!);
  console.log('lookup 1M', (performance.now() - t).toFixed(0), 'ms');
}
