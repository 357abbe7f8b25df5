import { notFound } from '../../platform/errors.ts';

/** The map module's errors: each code with its status and one Chinese message, thrown from here. */
export const mapRegionMissing = () => notFound('map.region_not_found', '您的账号所属区划不存在，无法显示地图');
