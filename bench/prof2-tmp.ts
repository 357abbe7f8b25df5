import { GridIndex, jitteredTiling } from '@gewu/geo';
import { buildRaster } from '../packages/geo/src/grid-raster.ts';
const items = jitteredTiling({ cols: 500, rows: 400, extent: [110.3, 31.4, 116.6, 36.4], seed: 2024 });
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  const index = new GridIndex(items);
  const total = performance.now() - t;
  const I = index as any;
  const n = items.length; const boxes = new Float64Array(4 * n);
  const d = I.dir;
  t = performance.now();
  buildRaster({ coords: I.coords, ringOffsets: I.ringOffsets, itemRings: I.itemRings, boxes: I.dir ? boxesOf(I) : boxes, isMicro: () => false, extent: [d.minX, d.minY, d.maxX, d.maxY] }, false);
  console.log('total build', total.toFixed(0), 'raster alone', (performance.now() - t).toFixed(0));
}
function boxesOf(I: any) { const n = I.size; const b = new Float64Array(4 * n); for (let k = 0; k < n; k++) { let a = Infinity, c = Infinity, e = -Infinity, f = -Infinity; for (let v = I.ringOffsets[I.itemRings[k]]; v < I.ringOffsets[I.itemRings[k + 1]]; v++) { const x = I.coords[2 * v], y = I.coords[2 * v + 1]; if (x < a) a = x; if (x > e) e = x; if (y < c) c = y; if (y > f) f = y; } b[4 * k] = a; b[4 * k + 1] = c; b[4 * k + 2] = e; b[4 * k + 3] = f; } return b; }
