import { z } from 'zod';
import { nonEmptyPatch, queryInt, safeString } from './text.ts';
import { roleSchema } from './roles-schema.ts';
import { regionLevelSchema } from './regions.ts';

/** Every 4xx/5xx body: a stable machine code, a human message (Chinese by default). */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const usernameSchema = safeString()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和短横线');

export const loginBodySchema = z.strictObject({
  username: safeString().trim().min(1).max(64),
  password: safeString().min(1).max(128),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const actorSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  region: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), level: regionLevelSchema }),
  mustChangePassword: z.boolean(),
});
export type ActorView = z.infer<typeof actorSchema>;

export const sessionViewSchema = z.object({ user: actorSchema, csrfToken: z.string() });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: safeString().min(1).max(128),
  newPassword: safeString().min(1).max(128),
});
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export const userViewSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  regionId: z.string().uuid(),
  regionName: z.string(),
  regionCode: z.string(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: safeString().trim().min(1).max(64),
  password: safeString().min(1).max(128),
  regionId: z.string().uuid(),
  roles: z.array(roleSchema).min(1).max(9),
});
export type CreateUserBody = z.input<typeof createUserBodySchema>;

export const updateUserBodySchema = nonEmptyPatch(
  z.strictObject({
    displayName: safeString().trim().min(1).max(64).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  }),
);
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;

export const setRolesBodySchema = z.strictObject({ roles: z.array(roleSchema).min(1).max(9) });
export type SetRolesBody = z.input<typeof setRolesBodySchema>;
export const resetPasswordBodySchema = z.strictObject({ newPassword: safeString().min(1).max(128) });
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;

export const pageQuerySchema = z.strictObject({
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 200).default(20),
});

export const userListQuerySchema = pageQuerySchema.extend({
  q: safeString().trim().max(64).optional(),
  regionId: z.string().uuid().optional(),
  role: roleSchema.optional(),
});
/** What the client sends: page and pageSize spelled out (the server defaults them when absent). */
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  regionPath: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: auditOutcomeSchema,
  detail: z.record(z.string(), z.unknown()).nullable(),
  chainNo: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = pageQuerySchema.extend({
  action: safeString().max(64).optional(),
  actor: safeString().max(64).optional(),
  outcome: auditOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  pending: z.number(),
  firstBrokenId: z.string().nullable(),
  firstBrokenChainNo: z.string().nullable(),
  reason: z.string().nullable(),
  algorithm: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
