import { useEffect, useRef } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.ts';
import type { NotificationView } from './api.ts';
import { type Arrival, groupNotices, NOTICE_WINDOW_MS, noticeText } from './noticeGroups.ts';

/** A pop-up due to close while the pointer is on it looks again this much later. */
const HOVER_RECHECK_MS = 1_000;

const keyOf = (kind: string) => `notices-${kind}`;

/**
 * The live notifications as pop-ups, one per kind: a burst (see NOTICE_WINDOW_MS) updates its
 * kind's pop-up in place ("新上报 5 件") instead of stacking five, and the pop-up closes when the
 * burst is over (not while the pointer is on it). 查看 opens the page listing them; it marks
 * nothing read (the inbox does that). Returns the callback for each new notification.
 */
export function useNoticeToasts(): (n: NotificationView) => void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { notification } = App.useApp();
  const arrivals = useRef<Arrival[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  // Signed out (the bell goes away): its pop-ups go too, or nothing would ever close them.
  useEffect(() => {
    const pending = timers.current;
    const buffer = arrivals;
    return () => {
      buffer.current = [];
      for (const [kind, timer] of pending) {
        clearTimeout(timer);
        notification.destroy(keyOf(kind));
      }
      pending.clear();
    };
  }, [notification]);

  /** The kind's burst is over: forget it and close its pop-up (once, whoever closes it). */
  const end = (kind: string) => {
    if (!timers.current.has(kind)) return;
    clearTimeout(timers.current.get(kind));
    timers.current.delete(kind);
    arrivals.current = arrivals.current.filter((a) => a.notice.kind !== kind);
    notification.destroy(keyOf(kind));
  };

  const closeLater = (kind: string, ms: number) => {
    clearTimeout(timers.current.get(kind));
    timers.current.set(
      kind,
      setTimeout(() => {
        const toast = document.querySelector(`[data-testid="${CSS.escape(`notice-toast-${kind}`)}"]`);
        if (toast?.matches(':hover')) closeLater(kind, HOVER_RECHECK_MS);
        else end(kind);
      }, ms),
    );
  };

  return (n) => {
    const now = Date.now();
    const groups = groupNotices([...arrivals.current, { notice: n, at: now }], now, can);
    arrivals.current = groups.flatMap((g) => g.arrivals);
    const group = groups.find((g) => g.kind === n.kind);
    if (!group) return;
    const { kind, target } = group;
    const { title, description } = noticeText(group, (key, values) => t(key, values));
    notification.info({
      key: keyOf(kind),
      title,
      description,
      placement: 'bottomRight',
      // Closed by this hook when the burst is over (antd's timer would not restart on an update).
      duration: false,
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            end(kind);
            navigate(target);
          }}
          data-testid={`notice-view-${kind}`}
        >
          {t('cases.notices.view')}
        </Button>
      ),
      onClose: () => end(kind),
      props: { 'data-testid': `notice-toast-${kind}` },
    });
    closeLater(kind, NOTICE_WINDOW_MS);
  };
}
