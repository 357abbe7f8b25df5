import type { BaseLayer } from '@gewu/domain';
import { z } from 'zod';

/**
 * The maps' base layer, chosen by the deployment at run time (config.ts reads the variables; this
 * file says what they may hold). The web client asks for it (`GET /api/map/config`), and the
 * Content-Security-Policy lets the browser load images from exactly the hosts the templates name.
 */

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
const PLACEHOLDER = /\{[a-z0-9_-]+\}/gi;

/** A tile URL template: http(s), `{z}` `{x}` `{y}` present, a host that is a host once `{s}` is filled in. */
const tileUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/[^/?#\s]+\/\S*$/i.test(v), '须为 http(s) 瓦片地址模板，如 https://t{s}.tianditu.gov.cn/…')
  .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), '须含 {z}、{x}、{y} 占位符')
  .refine((v) => HOST.test(hostTemplate(v).replaceAll('{s}', 'a')), '主机名只能含字母、数字、连字符和 {s}');

export const mapConfigFields = {
  /** Base tiles (天地图 vec_w with its tk key, or an intranet tile server), WGS84/CGCS2000-aligned. */
  GEWU_MAP_TILE_URL: tileUrl.optional(),
  /** A label layer drawn over the base tiles (天地图 cva_w). Needs GEWU_MAP_TILE_URL. */
  GEWU_MAP_LABEL_URL: tileUrl.optional(),
  /** What `{s}` in the templates is replaced with, comma-separated (天地图: 0,1,2,3,4,5,6,7). */
  GEWU_MAP_SUBDOMAINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,20}$/i, '子域名只能含字母、数字和连字符（逗号分隔）')).max(16))
    .default([]),
  /** The tile provider's credit shown in the map's corner (plain text; 天地图: 审图号 and copyright). */
  GEWU_MAP_ATTRIBUTION: z
    .string()
    .max(300)
    .refine((v) => !/[<>]/.test(v), '须为纯文本（不含 < >）')
    .optional(),
  GEWU_MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
};

type MapEnv = {
  GEWU_MAP_TILE_URL?: string;
  GEWU_MAP_LABEL_URL?: string;
  GEWU_MAP_SUBDOMAINS: string[];
  GEWU_MAP_ATTRIBUTION?: string;
  GEWU_MAP_MAX_ZOOM: number;
};

/** Problems between the map variables (each alone was fine), as [variable, message]. */
export function mapConfigProblems(c: MapEnv): [string, string][] {
  const out: [string, string][] = [];
  if (c.GEWU_MAP_LABEL_URL && !c.GEWU_MAP_TILE_URL)
    out.push(['GEWU_MAP_LABEL_URL', '注记图层须与 GEWU_MAP_TILE_URL 一起设置']);
  for (const name of ['GEWU_MAP_TILE_URL', 'GEWU_MAP_LABEL_URL'] as const) {
    if (c[name]?.includes('{s}') && c.GEWU_MAP_SUBDOMAINS.length === 0)
      out.push([name, '地址含 {s} 时须设置 GEWU_MAP_SUBDOMAINS（天地图为 0,1,2,3,4,5,6,7）']);
  }
  return out;
}

/** The base layer the clients are told about, or null when no tile server is configured. */
export function baseLayerOf(c: MapEnv): BaseLayer | null {
  if (!c.GEWU_MAP_TILE_URL) return null;
  return {
    url: c.GEWU_MAP_TILE_URL,
    labelUrl: c.GEWU_MAP_LABEL_URL ?? null,
    subdomains: c.GEWU_MAP_SUBDOMAINS,
    attribution: c.GEWU_MAP_ATTRIBUTION ?? null,
    maxZoom: c.GEWU_MAP_MAX_ZOOM,
  };
}

/**
 * The Content-Security-Policy host sources of the configured tile servers: each template's scheme
 * and host, with `{s}` filled in by every subdomain (`https://t0.tianditu.gov.cn` … `t7`).
 */
export function tileImgHosts(layer: BaseLayer | null): string[] {
  if (!layer) return [];
  const hosts = new Set<string>();
  for (const url of [layer.url, layer.labelUrl]) {
    if (!url) continue;
    const scheme = url.slice(0, url.indexOf('://'));
    const host = hostTemplate(url);
    const fills = host.includes('{s}') ? layer.subdomains : [''];
    for (const s of fills) hosts.add(`${scheme.toLowerCase()}://${host.replaceAll('{s}', s).toLowerCase()}`);
  }
  return [...hosts];
}

/** The host part of a URL template (between `://` and the first `/`), placeholders other than `{s}` marked bad. */
function hostTemplate(url: string): string {
  const start = url.indexOf('://') + 3;
  const end = url.indexOf('/', start);
  const host = url.slice(start, end < 0 ? undefined : end);
  return host.replace(PLACEHOLDER, (p) => (p === '{s}' ? p : '#'));
}
