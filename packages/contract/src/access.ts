/**
 * Wire schemas of sign-in, users and the audit trail (issue 5, decision 010). Passwords travel only in requests
 * (sign-in, change, create, reset) and are never in a response.
 */
import { z } from 'zod';
import { canonicalIdSchema } from './ids';

const id = z.number().int().positive();

export const roleSchema = z.enum(['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin']);

export const userDtoSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  departmentId: id.nullable(),
  assignedDepartmentIds: z.array(id),
  disabled: z.boolean(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'User' });
export type UserDto = z.infer<typeof userDtoSchema>;

/** `GET /api/session`: who is signed in, and the token every state-changing request must send in `X-CSRF-Token`. */
export const sessionDtoSchema = z.object({
  user: userDtoSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
  demo: z.boolean(),
}).meta({ id: 'Session' });
export type SessionDto = z.infer<typeof sessionDtoSchema>;

const password = z.string().min(1).max(200);

export const signInRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(50),
  password,
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** `GET /api/sign-in-info` (anonymous): whether this is a demo, and then its accounts (their passwords are public). */
export const signInInfoDtoSchema = z.object({
  demo: z.boolean(),
  demoAccounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: roleSchema, password: z.string() })),
}).meta({ id: 'SignInInfo' });
export type SignInInfoDto = z.infer<typeof signInInfoDtoSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: password,
  newPassword: password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const createUserRequestSchema = z.strictObject({
  username: z.string().trim().min(2).max(50),
  displayName: z.string().trim().min(1).max(50),
  password,
  role: roleSchema,
  departmentId: id.nullable().optional(),
  assignedDepartmentIds: z.array(id).max(500).optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: roleSchema.optional(),
  departmentId: id.nullable().optional(),
  assignedDepartmentIds: z.array(id).max(500).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.strictObject({ password });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const auditEntryDtoSchema = z.object({
  id,
  at: z.string(),
  actor: z.object({ userId: id.nullable(), username: z.string(), displayName: z.string() }),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
}).meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;

const dateOrTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/, '日期格式应为 YYYY-MM-DD');

/** `GET /api/audit` and its export: filters (who, what, which object, from–to), keyset paging (issue 12 item 2). */
export const auditQuerySchema = z.strictObject({
  actor: z.string().trim().max(50).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  objectId: z.string().trim().max(100).optional(),
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: canonicalIdSchema.optional().meta({ description: '上一页最后一条的编号：列出比它更早的记录（按时间倒序分页，没有 offset）' }),
});
export type AuditQueryDto = z.infer<typeof auditQuerySchema>;

/** A page of the audit trail, newest first; `total` counts the matching entries up to 10,000 (`capped`: more match). */
export const auditPageDtoSchema = z.object({
  items: z.array(auditEntryDtoSchema),
  total: z.number().int().min(0),
  capped: z.boolean(),
}).meta({ id: 'AuditPage' });
export type AuditPageDto = z.infer<typeof auditPageDtoSchema>;
