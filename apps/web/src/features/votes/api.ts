import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BallotReceipt,
  CreateOwnersVoteInput,
  MyOwnersVote,
  OwnersRoll,
  OwnersVoteDetail,
  OwnersVoteListItem,
  PaperBallotBody,
  ReceiptCheck,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

/** Every owners' vote view lives under this key: one invalidation refreshes lists, details and rolls. */
export const VOTES_KEY = ['votes'] as const;

export const useVotes = () =>
  useQuery({
    queryKey: [...VOTES_KEY, 'list'],
    queryFn: () => api.get<{ items: OwnersVoteListItem[] }>('/api/votes'),
  });

export const useVote = (id: string) =>
  useQuery({ queryKey: [...VOTES_KEY, 'detail', id], queryFn: () => api.get<OwnersVoteDetail>(`/api/votes/${id}`) });

export const useRoll = (id: string) =>
  useQuery({ queryKey: [...VOTES_KEY, 'roll', id], queryFn: () => api.get<OwnersRoll>(`/api/votes/${id}/roll`) });

export const useBuildings = (villageId: string | undefined) =>
  useQuery({
    queryKey: ['buildings', villageId],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/buildings', { villageId }),
    enabled: !!villageId,
  });

function useVoteMutation<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: VOTES_KEY }) });
}

export const useCreateVote = () =>
  useVoteMutation((body: CreateOwnersVoteInput) => api.post<OwnersVoteDetail>('/api/votes', body));
export const useVoteStep = (id: string) =>
  useVoteMutation((step: 'open' | 'close') => api.post<OwnersVoteDetail>(`/api/votes/${id}/${step}`));
export const usePaperBallot = (id: string) =>
  useVoteMutation((body: PaperBallotBody) => api.post<BallotReceipt>(`/api/votes/${id}/paper-ballots`, body));

/** The owner's phone. */
export const useMyVotes = () =>
  useQuery({
    queryKey: [...VOTES_KEY, 'mine'],
    queryFn: () => api.get<{ verified: boolean; items: MyOwnersVote[] }>('/api/my/votes'),
  });
export const useVerifyOwner = () =>
  useVoteMutation((idNumber: string) => api.post<{ verified: true }>('/api/my/owner-verification', { idNumber }));
export const usePhoneBallot = (id: string) =>
  useVoteMutation((body: { choice: string; idempotencyKey: string }) =>
    api.post<BallotReceipt>(`/api/my/votes/${id}/ballot`, body),
  );
export const checkReceipt = (id: string, code: string) =>
  api.get<ReceiptCheck>(`/api/public/votes/${id}/receipts/${encodeURIComponent(code)}`);

/** 0.01 m² → "1234.50 m²". */
export const formatArea = (areaCenti: number) => `${(areaCenti / 100).toFixed(2)} m²`;
