import { calendarViewSchema, deadlineViewSchema, timeLimitUnitSchema, workCalendarSchema } from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './calendar.service.ts';

export async function calendarRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['calendar'];
  app.get('/api/calendar', {
    config: {
      access: {
        roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin', 'security_admin', 'auditor'],
        scope: 'shared',
      },
    },
    schema: {
      tags,
      summary: '工作日历（工作时段、工作日、法定节假日、调休上班日）',
      response: { 200: calendarViewSchema },
    },
    handler: (req) => service.readWorkCalendar(deps, req.ctx),
  });
  app.put('/api/calendar', {
    config: { access: { roles: ['admin'], scope: 'shared' } },
    schema: {
      tags,
      summary: '修改工作日历（系统管理员）',
      body: workCalendarSchema,
      response: { 200: calendarViewSchema },
    },
    handler: (req) => service.updateWorkCalendar(deps, req.ctx, req.body),
  });
  app.get('/api/calendar/deadline', {
    config: {
      access: {
        roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin', 'security_admin', 'auditor'],
        scope: 'shared',
      },
    },
    schema: {
      tags,
      summary: '按当前工作日历试算时限的截止时间',
      querystring: z.strictObject({
        start: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
        amount: z.coerce.number().positive().max(10_000),
        unit: timeLimitUnitSchema,
      }),
      response: { 200: deadlineViewSchema },
    },
    handler: (req) =>
      service.previewDeadline(deps, req.ctx, {
        start: req.query.start,
        limit: { amount: req.query.amount, unit: req.query.unit },
      }),
  });
}
