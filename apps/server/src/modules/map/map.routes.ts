import { mapConfigSchema, mapOutlinesSchema } from '@gewu/domain';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './map.service.ts';

export async function mapRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['map'];
  app.get('/api/map/config', {
    // The base layer is the deployment's, the same for everyone signed in.
    config: { access: { roles: 'signed-in', scope: 'shared' } },
    schema: { tags, summary: '地图底图配置（瓦片地址模板；未配置时为 null）', response: { 200: mapConfigSchema } },
    handler: (req) => service.mapConfig(deps, req.ctx),
  });
  app.get('/api/map/outlines', {
    // Every role with a map screen; the 安全管理员 and 审计员 have none.
    config: {
      access: {
        roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'],
        scope: 'region',
      },
    },
    schema: {
      tags,
      summary: '本人辖区的区划轮廓、网格轮廓与重点场所（已简化，用于绘制与定位地图）',
      response: { 200: mapOutlinesSchema },
    },
    handler: (req) => service.mapOutlines(deps, req.ctx),
  });
}
