import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditVerifyResult } from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

export type Outcome = AuditEntry['outcome'];

export interface AuditFilter {
  action?: string;
  actor?: string;
  outcome?: Outcome;
  /** ISO 8601 with offset, as the server's query schema requires. */
  from?: string;
  to?: string;
}

export interface AuditListParams extends AuditFilter {
  page: number;
  pageSize: number;
}

export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/audit/verify: recomputes the hash chain on the server. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerifyResult>('/api/audit/verify') });
}
