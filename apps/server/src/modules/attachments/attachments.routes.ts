import { attachmentViewSchema, safeString } from '@gewu/domain';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { notImage } from './attachments.errors.ts';
import * as service from './attachments.service.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { attachmentEmpty } from './attachments.errors.ts';

export interface AttachmentRoutesOptions {
  /**
   * Whether the actor sees a record that carries this photo (a case whose history holds it). The
   * module that attaches photos supplies it, so attachments know of no module above them.
   */
  seesRecordWithAttachment: (db: Db, actor: Actor, attachmentId: string) => Promise<boolean>;
}

export async function attachmentRoutes(app: AppInstance, options: AttachmentRoutesOptions) {
  const deps = app.deps;
  const tags = ['attachments'];
  // The photo arrives as the raw body; the service reads it with its own size cap (the global
  // body limit does not apply to a parser that hands the stream over). Scoped to this plugin.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.addContentTypeParser(/^image\/[\w.+-]+$/, (_req, payload, done) => done(null, payload));
  // A refused upload (too large) is answered before its body has been read; that connection cannot
  // carry another request, so tell the client to close it instead of leaving it half-read.
  app.addHook('onSend', async (req, reply) => {
    if (req.method === 'POST' && !req.raw.readableEnded) reply.header('connection', 'close');
  });

  app.post('/api/attachments', {
    config: {
      access: {
        roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'mediator', 'village_cadre'],
        scope: 'own',
      },
    },
    schema: {
      tags,
      summary: '上传图片（请求体为图片本身；按内容识别 JPEG、PNG、WebP；原图仅工作人员可见，公开副本去除 EXIF/GPS）',
      querystring: z.strictObject({ name: safeString().max(200).optional() }),
      response: { 201: attachmentViewSchema },
    },
    handler: async (req, reply) => {
      if (req.body === undefined || req.body === null) throw attachmentEmpty();
      if (!(req.body instanceof Readable)) throw notImage();
      return reply.code(201).send(await service.uploadUserAttachment(deps, req.ctx, req.body, req.query.name));
    },
  });

  app.get('/api/attachments/:id', {
    config: {
      access: {
        roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'village_cadre'],
        scope: 'region',
      },
    },
    schema: {
      tags,
      summary:
        '读取图片：thumb 缩略图、public 去除元数据的副本（默认）、original 原图（仅受理派遣和处置人员，记入审计）；上传者与能看到所属案件的人可见',
      params: z.strictObject({ id: z.string().uuid() }),
      querystring: z.strictObject({ size: z.enum(['thumb', 'public', 'original']).default('public') }),
    },
    handler: async (req, reply) => {
      const file = await service.openAttachment(deps, req.ctx, req.params.id, req.query.size, (actor, id) =>
        options.seesRecordWithAttachment(deps.db, actor, id),
      );
      reply.type(file.mime).header('content-length', file.bytes).header('cache-control', file.cacheControl);
      if (file.fileName)
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.send(file.stream);
    },
  });
}
