import { importFormatSchema, importJobSchema, importKindSchema, safeString } from '@gewu/domain';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './imports.service.ts';
import { exportResidents, importTemplate, streamSheet } from './imports.export.ts';
import { exportTable } from './imports.export-more.ts';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const KIND_NAMES = { residents: '实有人口', houses: '实有房屋', organisations: '组织与企业', grids: '网格属性' };

function download(fileName: string, format: 'csv' | 'xlsx') {
  return {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  };
}

export async function importRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['import-export'];
  // Uploads arrive as the raw file body and are streamed to disk, never held in memory.
  app.addHook('onClose', async () => service.drainImports());
  app.addContentTypeParser(['application/octet-stream', 'text/csv', CONTENT_TYPES.xlsx], (_req, payload, done) =>
    done(null, payload),
  );
  app.post('/api/imports', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '上传 CSV / Excel 文件并开始校验（试导入，不写入）',
      querystring: z.strictObject({
        kind: importKindSchema,
        format: importFormatSchema,
        fileName: safeString().max(200).optional(),
      }),
      response: { 202: importJobSchema },
    },
    handler: async (req, reply) =>
      reply.code(202).send(await service.startImport(deps, req.ctx, { ...req.query, body: req.body as Readable })),
  });
  app.get('/api/imports/template', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'shared' } },
    schema: {
      tags,
      summary: '导入模板',
      querystring: z.strictObject({ kind: importKindSchema, format: importFormatSchema }),
    },
    handler: async (req, reply) => {
      service.authorizeImportKind(req.ctx, req.query.kind);
      return reply
        .headers(download(`${KIND_NAMES[req.query.kind]}导入模板.${req.query.format}`, req.query.format))
        .send(streamSheet(importTemplate(req.query.kind), req.query.format, KIND_NAMES[req.query.kind]));
    },
  });
  app.get('/api/imports/:id', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'own' } },
    schema: {
      tags,
      summary: '导入进度、校验结果（逐行逐列的错误）',
      params: z.strictObject({ id: z.string().uuid() }),
      response: { 200: importJobSchema },
    },
    handler: (req) => service.getImport(deps, req.ctx, req.params.id),
  });
  app.post('/api/imports/:id/commit', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'own' } },
    schema: {
      tags,
      summary: '确认导入（全部成功或全部不写入）',
      params: z.strictObject({ id: z.string().uuid() }),
      response: { 202: importJobSchema },
    },
    handler: async (req, reply) => reply.code(202).send(await service.commitImport(deps, req.ctx, req.params.id)),
  });
  app.get('/api/exports/residents', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '导出实有人口（证件号、电话脱敏）',
      querystring: z.strictObject({ format: importFormatSchema, villageId: z.string().uuid().optional() }),
    },
    handler: async (req, reply) => {
      const sheet = await exportResidents(deps, req.ctx, req.query);
      return reply
        .headers(download(`实有人口.${req.query.format}`, req.query.format))
        .send(streamSheet(sheet, req.query.format, '实有人口'));
    },
  });
  app.get('/api/exports/:kind', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: {
      tags,
      summary: '导出实有房屋、组织与企业、网格属性（列与导入模板一致，可修改后再导入）',
      params: z.strictObject({ kind: z.enum(['houses', 'organisations', 'grids']) }),
      querystring: z.strictObject({ format: importFormatSchema }),
    },
    handler: async (req, reply) => {
      const sheet = await exportTable(deps, req.ctx, req.params.kind);
      const title = KIND_NAMES[req.params.kind];
      return reply
        .headers(download(`${title}.${req.query.format}`, req.query.format))
        .send(streamSheet(sheet, req.query.format, title));
    },
  });
}
