/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base map tiles, e.g. 天地图 `https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY`. Unset: no tiles are requested. */
  readonly VITE_TILE_URL?: string;
  /** Comma-separated `{s}` subdomains for VITE_TILE_URL (天地图: 0,1,2,3,4,5,6,7). */
  readonly VITE_TILE_SUBDOMAINS?: string;
  /** Attribution shown in the map corner (e.g. 天地图 审图号). */
  readonly VITE_TILE_ATTRIBUTION?: string;
  /** A second tile layer drawn over the first (天地图 labels `cva_w`). */
  readonly VITE_TILE_LABEL_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
