import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Result, Skeleton } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CaseDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { isResidentOnly, useCaseAction, useCaseDetail, type ActionInput } from '../api.ts';
import { ActionPanel, type ActResult } from './ActionPanel.tsx';
import { useOutbox } from '../offline/useOutbox.tsx';
import type { ActionDraftInput } from '../offline/actionQueue.ts';
import { StateTag } from '../../features/cases/StateTag.tsx';
import { LightDot } from './LightDot.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';
import { RatingForm } from './RatingForm.tsx';
import { CaseTimeline } from './Timeline.tsx';

/** One case: what, where, its state and clock, the timeline, and what the user may do now. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useCaseDetail(id);
  const action = useCaseAction(id);
  const [pageError, setPageError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [acting, setActing] = useState(false);
  const outbox = useOutbox();
  const user = useCurrentUser();
  const waiting = outbox.actions.filter((a) => a.caseId === id);

  const rate = async (input: ActionInput) => {
    setPageError(null);
    try {
      await action.mutateAsync(input);
      notifySuccess(t('mobile.actionDone', { action: t('mobile.rating.title') }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setPageError({ message, conflict: isApiError(err) && err.status === 409 });
    }
  };

  // Every other action goes through the outbox: kept on the device when the network is gone.
  const act = async (input: ActionDraftInput): Promise<ActResult> => {
    setPageError(null);
    setActing(true);
    try {
      const outcome = await outbox.act(input);
      const label = t(`mobile.actions.${input.action as 'sign'}`);
      if (outcome?.kind === 'sent') {
        notifySuccess(t('mobile.actionDone', { action: label }));
        return { ok: true };
      }
      if (!outcome || outcome.kind === 'kept') return { ok: true, queued: true };
      const conflict = outcome.error.status === 409;
      if (conflict) void detail.refetch();
      // A conflict or a one-tap action is reported on the page; a sheet shows its own errors.
      if (conflict || input.action === 'sign') setPageError({ message: outcome.error.message, conflict });
      return { ok: false, message: outcome.error.message, conflict };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err); // the device's storage failed
      setPageError({ message, conflict: false });
      return { ok: false, message, conflict: false };
    } finally {
      setActing(false);
    }
  };

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    return (
      <Result
        status={isApiError(detail.error) && detail.error.status === 404 ? '404' : 'warning'}
        subTitle={detail.error.message}
        extra={<Button onClick={() => void detail.refetch()}>{t('mobile.retry')}</Button>}
      />
    );
  }
  const c = detail.data;
  const canRate = c.actions.includes('rate');

  return (
    <div data-testid="case-detail" data-state={c.state} data-version={c.version}>
      {pageError && (
        <Alert
          type={pageError.conflict ? 'warning' : 'error'}
          showIcon
          className="m-section"
          title={pageError.message}
          description={pageError.conflict ? t('mobile.conflict') : undefined}
          closable={{ onClose: () => setPageError(null) }}
          data-testid="m-action-error"
        />
      )}
      <Summary c={c} />
      {canRate && <RatingForm version={c.version} busy={action.isPending} onSubmit={(input) => void rate(input)} />}
      {waiting.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="m-section"
          data-testid="m-action-queued"
          title={t('mobile.outbox.actionQueued', {
            actions: waiting.map((a) => t(`mobile.actions.${a.action as 'sign'}`)).join('、'),
          })}
          action={
            <Button size="small" onClick={() => void outbox.syncAll()} data-testid="m-action-queued-sync">
              {t('mobile.outbox.syncNow')}
            </Button>
          }
        />
      ) : (
        <ActionPanel detail={c} userId={user.id} busy={acting} onAct={act} />
      )}
      <section className="m-section">
        <div className="m-section-title">{t('mobile.detail.timeline')}</div>
        <CaseTimeline events={c.events} />
      </section>
    </div>
  );
}

function Summary({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  // The stage clock is the staff's business; a resident would read it as a promise.
  const staff = !isResidentOnly(useCurrentUser());
  return (
    <section className="m-section">
      <div className="m-row-head">
        <strong className="m-detail-title">{c.itemName}</strong>
        <StateTag state={c.state} testId="case-state" />
      </div>
      <div className="m-muted">
        <span data-testid="case-code">{c.code}</span> · {dayjs(c.reportedAt).format('YYYY-MM-DD HH:mm')}
      </div>
      {staff && c.stageDeadline && (
        <div className="m-deadline">
          <LightDot light={c.light} /> {t('mobile.list.deadline', { at: dayjs(c.stageDeadline).format('MM-DD HH:mm') })}
        </div>
      )}
      <p className="m-detail-desc" data-testid="case-description">
        {c.description}
      </p>
      <PhotoStrip ids={c.attachmentIds} testId="case-photos" />
      <dl className="m-facts">
        {(c.lon !== null || c.address) && (
          <>
            <dt>
              <EnvironmentOutlined /> {t('mobile.detail.location')}
            </dt>
            <dd>
              {c.address && <div>{c.address}</div>}
              {c.lon !== null && c.lat !== null && (
                <div className="m-muted">
                  {t('mobile.location.coords', { lon: c.lon.toFixed(6), lat: c.lat.toFixed(6) })}
                </div>
              )}
            </dd>
          </>
        )}
        {c.gridName && (
          <>
            <dt>{t('mobile.detail.grid')}</dt>
            <dd>{c.gridName}</dd>
          </>
        )}
        {(c.assigneeUnitName || c.assigneeUserName) && (
          <>
            <dt>{t('mobile.detail.assignee')}</dt>
            <dd>{c.assigneeUnitName ?? c.assigneeUserName}</dd>
          </>
        )}
        <dt>{t('mobile.detail.reporter')}</dt>
        <dd>
          {c.anonymous
            ? t('mobile.detail.anonymous')
            : [c.reporterName, c.reporterPhoneMasked].filter(Boolean).join(' ') || '—'}
        </dd>
        {c.rating && (
          <>
            <dt>{t('mobile.detail.rating')}</dt>
            <dd data-testid="case-rating">
              {t(`mobile.ratings.${c.rating}`)}
              {c.resolved !== null && ` · ${c.resolved ? t('mobile.detail.resolved') : t('mobile.detail.unresolved')}`}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
