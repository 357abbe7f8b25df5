import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { CASES_KEY, MOBILE_KEY } from '../api.ts';
import { FIELD_QUEUES, type FieldCount } from './fieldQueues.ts';
import type { EnqueueInput, QueuedReport, SyncOutcome } from './offlineQueue.ts';
import type { ActionDraftInput, ActionOutcome, QueuedAction } from './actionQueue.ts';
import { actionDrafts, draftId } from './actionDrafts.ts';
import { RETRY_INTERVAL_MS, actionOutbox, outbox } from './outbox.ts';

export interface Outbox {
  /** The signed-in user's queued reports, oldest first. */
  items: QueuedReport[];
  enqueue(input: Omit<EnqueueInput, 'userId'>): Promise<QueuedReport>;
  /** Sends the queue now and tells what became of this report (undefined: not reached, still queued). */
  sendNow(id: string): Promise<SyncOutcome | undefined>;
  syncAll(): Promise<void>;
  retry(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The signed-in user's case actions waiting on the device. */
  actions: QueuedAction[];
  /**
   * Takes an action through the action outbox and sends it now: 'sent' with the case, 'kept' when it
   * waits on the device for the network, 'failed' when refused (its note and photos are back in the draft).
   */
  act(input: ActionDraftInput): Promise<ActionOutcome | undefined>;
  /** The field work (patrol operations, inspections, visits, claims closed) waiting on the device, per kind. */
  field: FieldCount[];
}

const OutboxContext = createContext<Outbox | null>(null);

export function useOutbox(): Outbox {
  const value = use(OutboxContext);
  if (!value) throw new Error('useOutbox outside OutboxProvider');
  return value;
}

/** One run at a time across tabs too (Web Locks where the browser has them). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // request() resolves with the callback's result (a promise is awaited), whatever its typing says.
  return locks ? (locks.request('gewu-mobile-outbox', fn) as unknown as Promise<T>) : fn();
}

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

/** navigator.onLine as React state (true can still mean a dead network; the sends find out). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Keeps the outbox moving: sends on start, whenever the browser comes back online, and every
 * 30 s while anything waits. Reports sent in the background are announced with their case code.
 */
export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<QueuedReport[]>([]);
  const [actions, setActions] = useState<QueuedAction[]>([]);
  const [field, setField] = useState<FieldCount[]>([]);
  // Reports the form is waiting on announce themselves there, not by a toast.
  const [foreground] = useState(() => new Set<string>());

  useEffect(() => {
    const reload = () => void outbox.list(userId).then(setItems, () => setItems([]));
    reload();
    return outbox.subscribe(reload);
  }, [userId]);
  useEffect(() => {
    const reload = () => void actionOutbox.list(userId).then(setActions, () => setActions([]));
    reload();
    return actionOutbox.subscribe(reload);
  }, [userId]);

  useEffect(() => {
    const reload = () =>
      void Promise.all(
        FIELD_QUEUES.map(async ({ kind, queue }) => {
          const items = await queue.list(userId);
          const failed = items.filter((i) => i.status === 'failed').length;
          return { kind, pending: items.length - failed, failed };
        }),
      ).then(setField, () => setField([]));
    reload();
    const offs = FIELD_QUEUES.map(({ queue }) => queue.subscribe(reload));
    return () => offs.forEach((off) => off());
  }, [userId]);

  /** Sends the field queues; what went refreshes the phone's lists, a refusal is told (the page offers to discard it). */
  const syncField = useCallback(async () => {
    let sent = 0;
    let told = 0;
    for (const { kind, queue } of FIELD_QUEUES) {
      const outcomes = await exclusive(() => queue.sync(userId)).catch((err: unknown) => {
        console.warn('field outbox sync failed', kind, err instanceof Error ? err.name : 'error');
        return [];
      });
      const went = outcomes.filter((o) => o.kind === 'sent').length;
      sent += went;
      // A patrol's batches go every few minutes while it runs: its page shows them, no toast for each.
      if (kind !== 'patrol') told += went;
      for (const o of outcomes)
        if (o.kind === 'failed')
          notifyError(
            new Error(
              t('mobile.outbox.fieldFailed', { kind: t(`mobile.outbox.field.${kind}`), message: o.error.message }),
            ),
          );
    }
    if (told > 0) notifySuccess(t('mobile.outbox.fieldSynced', { n: told }));
    if (sent > 0) void queryClient.invalidateQueries({ queryKey: MOBILE_KEY });
  }, [userId, queryClient, t]);

  /** Sent actions refresh the lists; a refused one goes back to its draft, so nothing typed is lost. */
  const settleActions = useCallback(
    async (outcomes: ActionOutcome[], foregroundId?: string) => {
      for (const o of outcomes)
        if (o.kind === 'sent') queryClient.setQueryData([...CASES_KEY, 'detail', o.item.caseId], o.detail);
      if (outcomes.some((o) => o.kind === 'sent')) void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      for (const o of outcomes) {
        const label = t(`mobile.actions.${o.item.action as 'sign'}`);
        if (o.kind === 'failed') {
          const { item } = o;
          await actionDrafts.put({
            id: draftId(item.userId, item.caseId, item.action),
            note: item.note ?? '',
            until: item.until,
            photos: item.photos.map((p) => p.blob),
            savedAt: new Date().toISOString(),
          });
          await actionOutbox.remove(item.id);
          if (o.item.id !== foregroundId)
            notifyError(
              new Error(
                t('mobile.outbox.actionFailed', { action: label, code: item.caseCode, message: o.error.message }),
              ),
            );
        }
        if (o.kind === 'sent' && o.item.id !== foregroundId)
          notifySuccess(t('mobile.outbox.actionSynced', { action: label, code: o.item.caseCode }));
      }
    },
    [queryClient, t],
  );

  const announce = useCallback(
    (outcomes: SyncOutcome[]) => {
      if (outcomes.some((o) => o.kind === 'sent')) void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      for (const o of outcomes) {
        if (foreground.has(o.item.id)) continue;
        if (o.kind === 'sent') notifySuccess(t('mobile.outbox.synced', { code: o.result.code }));
        if (o.kind === 'failed') notifyError(new Error(t('mobile.outbox.failedToast', { message: o.error.message })));
      }
    },
    [foreground, queryClient, t],
  );

  const syncAll = useCallback(async () => {
    try {
      announce(await exclusive(() => outbox.sync(userId)));
      await settleActions(await exclusive(() => actionOutbox.sync(userId)));
    } catch (err) {
      console.warn('outbox sync failed', err); // storage unavailable: nothing to send from
    }
    await syncField();
  }, [userId, announce, settleActions, syncField]);

  useEffect(() => {
    void syncAll();
    const onOnline = () => void syncAll();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void syncAll(), RETRY_INTERVAL_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [syncAll]);

  const value = useMemo<Outbox>(
    () => ({
      items,
      enqueue: (input) => outbox.enqueue({ ...input, userId }),
      sendNow: async (id) => {
        foreground.add(id);
        await syncAll();
        return outbox.outcomeOf(id);
      },
      syncAll,
      retry: async (id) => {
        await outbox.retry(id);
        await syncAll();
      },
      remove: (id) => outbox.remove(id),
      actions,
      act: async (input) => {
        const queued = await actionOutbox.enqueue(userId, input);
        await actionDrafts.remove(draftId(userId, input.caseId, input.action));
        const outcomes = await exclusive(() => actionOutbox.sync(userId));
        await settleActions(outcomes, queued.id);
        return outcomes.find((o) => o.item.id === queued.id);
      },
      field,
    }),
    [items, actions, field, userId, syncAll, foreground, settleActions],
  );
  return <OutboxContext value={value}>{children}</OutboxContext>;
}
