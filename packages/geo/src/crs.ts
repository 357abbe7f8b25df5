// Coordinate reference systems used by Chinese map SDKs. We store WGS84 (CGCS2000 lon/lat is within
// centimetres of it); AMap/Tencent hand out GCJ-02 and Baidu BD-09, so points from a phone's map
// widget pass through here on the way in, and boundaries drawn over such a base map on the way out.
import gcoord from 'gcoord';

export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

/** Stop refining the inverse once the forward image is this close to the input (≈ 0.01 mm). */
const INVERSE_TOLERANCE_DEG = 1e-10;

/**
 * Converts a lon/lat pair from `crs` to WGS84. The offsets have no closed-form inverse: gcoord's
 * inverse stops at 1e-6° (≈ 0.1 m) for GCJ-02 and BD-09's is an approximation of similar size, so we
 * polish its answer with a few fixed-point steps on the forward transform until it maps back onto
 * the input within 1e-10°. Outside gcoord's rough China bounding box GCJ-02 equals WGS84, as the SDKs do.
 */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lon, lat];
  let [x, y] = gcoord.transform([lon, lat] as [number, number], gcoord[crs], gcoord.WGS84);
  for (let step = 0; step < 8; step++) {
    const [fx, fy] = fromWgs84(x, y, crs);
    const dx = fx - lon;
    const dy = fy - lat;
    if (Math.abs(dx) <= INVERSE_TOLERANCE_DEG && Math.abs(dy) <= INVERSE_TOLERANCE_DEG) break;
    x -= dx;
    y -= dy;
  }
  return [x, y];
}

/** Converts a WGS84 lon/lat pair to `crs` (e.g. to draw stored boundaries on an AMap or Baidu base map). */
export function fromWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat] as [number, number], gcoord.WGS84, gcoord[crs]);
  return [x, y];
}
