export { regions } from '../modules/regions/regions.table.ts';
export { users, sessions } from '../modules/users/users.table.ts';
export { auditLog } from '../platform/audit/audit.table.ts';
