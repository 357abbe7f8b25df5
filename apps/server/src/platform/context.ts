import type { RegionLevel, Role } from '@gewu/domain';

/** The authenticated person behind a request, as the access layer sees them. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  regionId: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  /** Materialized path of the actor's region: the scope of everything they may see. */
  regionPath: string;
  /** The handling unit of a handler account (处置单位), if any. */
  unitId: string | null;
  sessionId: string;
  mustChangePassword: boolean;
}

/** What a service needs to know about the request it serves (for access checks and the audit log). */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  /** Set once a service has written its own audit row, so the HTTP hook does not write a second. */
  audited: boolean;
  /** What the HTTP hook should record if the request ends in an error (e.g. which account a failed login tried). */
  failureAudit?: import('./audit/audit.service.ts').AuditInput;
}

export function systemContext(): RequestContext {
  return { actor: null, ip: null, requestId: null, audited: false };
}
