import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { CASES_KEY, caseKey, type ActionInput } from './api.ts';
import { useBack } from './bits.tsx';
import { postCaseAction } from '../../app/caseActions.ts';

export type ActionExtras = Omit<ActionInput, 'action' | 'version'>;

/**
 * Takes one action on the case as the user saw it (its version when the dialog opened). On success
 * the detail is replaced by the server's answer. A 409 means someone acted first: the message is
 * shown and the case reloaded. A 404 right after acting means the case has left the user's reach
 * because of what they did (a returned task belongs to the centre again): back to the list.
 */
export function useRunAction(detail: Pick<CaseDetail, 'id' | 'version'>, onDone: () => void) {
  const { t } = useTranslation();
  const back = useBack();
  const queryClient = useQueryClient();
  // The version the user saw when the dialog opened: a live refresh behind the dialog must not
  // silently turn their decision into one about a case they have not seen.
  const [version] = useState(detail.version);
  const mutation = useMutation({
    mutationFn: (body: ActionInput) => postCaseAction(detail.id, body),
    meta: { silent: true },
  });
  const refreshLists = () =>
    queryClient.invalidateQueries({ queryKey: CASES_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });

  const run = (action: CaseAction, extras: ActionExtras = {}) =>
    mutation.mutate(
      { action, version, ...extras },
      {
        onSuccess: (next) => {
          queryClient.setQueryData(caseKey(detail.id), next);
          void refreshLists();
          notifySuccess(t('cases.dialog.done', { action: t(`cases.actions.${action}`) }));
          onDone();
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 404 && err.code === 'case.not_found') {
            notifySuccess(t('cases.detail.leftScope'));
            onDone();
            void refreshLists();
            back();
            return;
          }
          notifyError(err);
          if (isApiError(err) && err.status === 409) {
            onDone();
            void queryClient.invalidateQueries({ queryKey: caseKey(detail.id) });
            void refreshLists();
          }
        },
      },
    );
  return { run, pending: mutation.isPending };
}
