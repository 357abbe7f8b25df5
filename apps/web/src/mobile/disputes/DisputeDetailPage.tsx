import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Result, Skeleton } from 'antd';
import { CameraOutlined, DesktopOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { DisputeDetail, DisputeEventType } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { agreementPdfUrl, useDispute } from '../../features/disputes/api.ts';
import { barActions } from '../../features/disputes/actions.ts';
import { eventFacts } from '../../features/disputes/timelineFacts.ts';
import { partyLabel } from '../../features/disputes/parties.ts';
import { DisputeStateTag } from '../../features/disputes/tags.tsx';
import { LightDot } from '../cases/LightDot.tsx';
import { PhotoStrip } from '../cases/PhotoStrip.tsx';
import { ScanSheet } from './ScanSheet.tsx';
import { SessionSheet } from './SessionSheet.tsx';

/**
 * A dispute on the mediator's phone: its essentials (what, where, who, the clock, the agreement), the
 * two things done on the spot — record a session, photograph the signed agreement — the agreement's
 * PDF, and its history. The other steps (agreement, failure, hand-up …) are the desktop's.
 */
export function DisputeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDispute(id);
  const [sheet, setSheet] = useState<'session' | 'scan' | null>(null);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError)
    return (
      <Result
        status={isApiError(query.error) && query.error.status === 404 ? '404' : 'warning'}
        subTitle={query.error.message}
        extra={<Button onClick={() => void query.refetch()}>{t('mobile.retry')}</Button>}
      />
    );
  const d = query.data;
  const canSession = d.actions.includes('record_session');
  const canScan = d.actions.includes('attach_signed_agreement');
  const elsewhere = barActions(d.actions).filter((a) => a !== 'record_session');

  return (
    <div data-testid="m-dispute-detail" data-state={d.state} data-version={d.version}>
      <Essentials d={d} />
      {(canSession || canScan || d.canPrintAgreement || elsewhere.length > 0) && (
        <section className="m-section m-actions" data-testid="m-dispute-actions">
          {canSession && (
            <Button
              block
              type="primary"
              className="m-big"
              icon={<EditOutlined />}
              onClick={() => setSheet('session')}
              data-testid="m-dispute-record-session"
            >
              {t('disputes.actions.record_session')}
            </Button>
          )}
          {canScan && (
            <Button
              block
              type={canSession ? 'default' : 'primary'}
              className="m-big"
              icon={<CameraOutlined />}
              onClick={() => setSheet('scan')}
              data-testid="m-dispute-upload-scan"
            >
              {t('disputes.actions.attach_signed_agreement')}
            </Button>
          )}
          {d.canPrintAgreement && (
            <Button
              block
              className="m-big"
              icon={<FilePdfOutlined />}
              href={agreementPdfUrl(d.id)}
              download
              data-testid="m-dispute-pdf"
            >
              {t('disputes.documents.download')}
            </Button>
          )}
          {elsewhere.length > 0 && (
            <Link to={`/disputes/${d.id}`} className="m-muted" data-testid="m-dispute-desktop">
              <DesktopOutlined />{' '}
              {t('disputes.phone.onDesktop', { actions: elsewhere.map((a) => t(`disputes.actions.${a}`)).join('、') })}
            </Link>
          )}
        </section>
      )}
      {d.signedScans.length > 0 && (
        <section className="m-section" data-testid="m-dispute-scans">
          <div className="m-section-title">{t('disputes.documents.signedScans')}</div>
          <PhotoStrip ids={d.signedScans.map((s) => s.attachmentId)} testId="m-dispute-scan-photos" />
        </section>
      )}
      <History d={d} />
      {sheet === 'session' && <SessionSheet detail={d} onClose={() => setSheet(null)} />}
      {sheet === 'scan' && <ScanSheet detail={d} onClose={() => setSheet(null)} />}
    </div>
  );
}

function Essentials({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  return (
    <section className="m-section">
      <div className="m-row-head">
        <strong className="m-detail-title">{d.typeName}</strong>
        <DisputeStateTag state={d.state} testId="m-dispute-state" />
      </div>
      <div className="m-muted">
        <span data-testid="m-dispute-code">{d.code}</span> · {dayjs(d.registeredAt).format('YYYY-MM-DD')}
      </div>
      {d.stage && d.stageDeadline && (
        <div className="m-deadline" data-testid="m-dispute-deadline">
          <LightDot light={d.light} />{' '}
          {t('disputes.phone.deadline', {
            stage: t(`disputes.stages.${d.stage}`),
            at: dayjs(d.stageDeadline).format('MM-DD HH:mm'),
          })}
        </div>
      )}
      <p className="m-detail-desc">{d.summary}</p>
      <dl className="m-facts">
        <dt>{t('disputes.fields.region')}</dt>
        <dd>{[d.regionName, d.address].filter(Boolean).join(' ') || '—'}</dd>
        <dt>{t('disputes.fields.risk')}</dt>
        <dd>
          {t(`disputes.risks.${d.risk}`)}
          {d.civilToCriminal && ` · ${t('disputes.fields.civilToCriminalShort')}`}
        </dd>
        <dt>{t('disputes.detail.parties')}</dt>
        <dd data-testid="m-dispute-parties">
          {d.parties.map((p) => (
            <div key={p.id}>
              {partyLabel(t, p)}
              {p.phoneMasked && <span className="m-muted"> {p.phoneMasked}</span>}
            </div>
          ))}
        </dd>
        <dt>{t('disputes.fields.organisation')}</dt>
        <dd>{d.organisationName ?? '—'}</dd>
        <dt>{t('disputes.fields.counters')}</dt>
        <dd>{t('disputes.phone.sessions', { n: d.counters.sessions })}</dd>
        {d.agreement && (
          <>
            <dt>{t('disputes.detail.agreement')}</dt>
            <dd data-testid="m-dispute-agreement">
              {d.agreement.terms.map((term, i) => (
                <div key={i}>
                  {i + 1}. {term.text}
                  {term.dueDate && (
                    <span className="m-muted"> {t('disputes.agreement.due', { date: term.dueDate })}</span>
                  )}
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function History({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  return (
    <section className="m-section" data-testid="m-dispute-history">
      <div className="m-section-title">{t('disputes.detail.timeline')}</div>
      {[...d.events].reverse().map((e) => (
        <div key={e.seq} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }} data-type={e.type}>
          <div className="m-event-head">
            <strong>{t(`disputes.events.${e.type as DisputeEventType}`, { defaultValue: e.label })}</strong>
            <span className="m-muted">{dayjs(e.at).format('MM-DD HH:mm')}</span>
          </div>
          <div className="m-muted">{[e.actorName, ...eventFacts(t, e, d.parties)].filter(Boolean).join(' · ')}</div>
          {e.note && <div className="m-event-note">{e.note}</div>}
          <PhotoStrip ids={e.attachmentIds} />
        </div>
      ))}
    </section>
  );
}
