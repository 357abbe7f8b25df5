import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditListQuery, AuditVerifyResult } from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

/** The filters of the list (from/to: ISO 8601 with offset, as the server's query schema requires). */
export type AuditFilter = Omit<AuditListQuery, 'page' | 'pageSize'>;

export function useAuditLog(params: AuditListQuery) {
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
