import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DisputeAction, DisputeDetail } from '@gewu/domain';
import { uploadAttachment } from '../../features/attachments/api.ts';
import { DISPUTES_KEY, disputeKey, postDisputeAction, type DisputeActionInput } from '../../features/disputes/api.ts';
import type { PhotoEntry } from '../report/form.ts';

/**
 * An action taken on the phone with its photos: each photo (already shrunk on the device) is uploaded
 * first, then the action carries their ids, with the version the mediator saw. Online only: a
 * session or a scan is recorded where there is a network (the case outbox does not carry disputes).
 */
export function useActWithPhotos(detail: Pick<DisputeDetail, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { action: DisputeAction; photos: PhotoEntry[]; fields: Record<string, unknown> }) => {
      const ids: string[] = [];
      for (const [i, p] of input.photos.entries()) ids.push((await uploadAttachment(p.blob, `photo-${i + 1}.jpg`)).id);
      const body = { action: input.action, version: detail.version, ...input.fields, attachmentIds: ids };
      return postDisputeAction(detail.id, body as DisputeActionInput);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(disputeKey(detail.id), next);
      void queryClient.invalidateQueries({ queryKey: DISPUTES_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: disputeKey(detail.id) }),
    meta: { silent: true },
  });
}
