import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ImportFormat, ImportJob, ImportKind, ImportStatus } from '@gewu/domain';
import { api } from '../../app/api.ts';

const RUNNING: readonly ImportStatus[] = ['validating', 'committing'];

/** The file's format from its name, or null for anything but .csv / .xlsx. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/** Uploads the file as it is; the server answers 202 and validates it in the background (dry run). */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      api.upload<ImportJob>('/api/imports', file, { kind, format: formatOf(file.name), fileName: file.name }),
  });
}

/** The job, polled every 500 ms while it validates or commits. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportJob>(`/api/imports/${id}`),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && RUNNING.includes(query.state.data.status) ? 500 : false),
  });
}

/** 确认导入: all rows or none (the job then reports 'committing', later 'committed' or 'failed'). */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/api/imports/${id}/commit`),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', job.id], job);
    },
  });
}

/** After a commit the lists showing imported rows (and the grids' counts) are stale. */
export function invalidateBaseData(queryClient: QueryClient) {
  return Promise.all(
    ['residents', 'houses', 'grids', 'stats'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })),
  );
}
