// Writes the app icons (PNG) from public/icons/icon.svg: `npm run icons -w @gewu/web`, then commit
// them. Run again only when the SVG changes; the build itself does not need sharp.
import path from 'node:path';
import sharp from 'sharp';

const dir = path.join(import.meta.dirname, '../public/icons');
const svg = path.join(dir, 'icon.svg');
for (const [name, size] of [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
] as const) {
  await sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(dir, name));
  console.log(`${name} ${size}×${size}`);
}
