import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DisputeAction, DisputeDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { DISPUTES_KEY, disputeKey, postDisputeAction, type DisputeActionInput } from './api.ts';

/** What an action adds to its kind and the version (the fields of its body). */
export type DisputeExtras = Record<string, unknown>;

/**
 * Takes one action on the dispute as the user saw it (its version when the dialog opened). On success
 * the detail is replaced by the server's answer; a 409 means someone acted first: the message is
 * shown and the dispute reloaded. `onLeft` runs when the action took the dispute out of the user's
 * sight (an escalation to a tier above theirs).
 */
export function useRunDisputeAction(
  detail: Pick<DisputeDetail, 'id' | 'version'>,
  onDone: (next?: DisputeDetail) => void,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version] = useState(detail.version);
  const mutation = useMutation({
    mutationFn: (body: DisputeActionInput) => postDisputeAction(detail.id, body),
    meta: { silent: true },
  });
  const refreshLists = () =>
    queryClient.invalidateQueries({ queryKey: DISPUTES_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });

  const run = (action: DisputeAction, extras: DisputeExtras = {}) =>
    mutation.mutate({ action, version, ...extras } as DisputeActionInput, {
      onSuccess: (next) => {
        queryClient.setQueryData(disputeKey(detail.id), next);
        void refreshLists();
        notifySuccess(t('disputes.dialog.done', { action: t(`disputes.actions.${action}`) }));
        onDone(next);
      },
      onError: (err) => {
        notifyError(err);
        if (isApiError(err) && (err.status === 409 || err.status === 404)) {
          onDone();
          void queryClient.invalidateQueries({ queryKey: disputeKey(detail.id) });
          void refreshLists();
        }
      },
    });
  return { run, pending: mutation.isPending, error: mutation.error };
}
