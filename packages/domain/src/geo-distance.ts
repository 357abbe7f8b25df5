/* Distances between WGS84 points, zod-free (the phone imports them through forces.ts). */

/** Distance in metres between two WGS84 points (equirectangular: exact enough within a few km). */
export function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** The lon/lat box around a point that holds every point within `radiusM` (for an indexed pre-filter). */
export function boxAround(p: { lon: number; lat: number }, radiusM: number) {
  const dLat = radiusM / 111_320;
  const dLon = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 0.01);
  return { minLon: p.lon - dLon, maxLon: p.lon + dLon, minLat: p.lat - dLat, maxLat: p.lat + dLat };
}
