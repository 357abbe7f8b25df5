import { Alert } from 'antd';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportedState } from '../report/ReportPage.tsx';
import { useOutbox } from '../offline/useOutbox.tsx';
import { CaseList } from './CaseList.tsx';

/** 我的上报: what just happened to the last report, then the reports with their states. */
export function MinePage() {
  const { t } = useTranslation();
  const state = (useLocation().state ?? {}) as ReportedState;
  const waiting = useOutbox().items.some((i) => i.status === 'pending');
  const header = (
    <>
      {state.reported && (
        <Alert
          type="success"
          showIcon
          className="m-section"
          data-testid="report-success"
          title={state.reported.selfHandled ? t('mobile.report.doneSelfHandled') : t('mobile.report.done')}
          description={
            <span>
              {t('mobile.report.code')} <strong data-testid="report-success-code">{state.reported.code}</strong>
            </span>
          }
        />
      )}
      {state.queued && waiting && (
        <Alert
          type="warning"
          showIcon
          className="m-section"
          data-testid="report-queued"
          title={t('mobile.report.queued')}
        />
      )}
    </>
  );
  return <CaseList view="mine" rowPrefix="mine-row" header={header} emptyText={t('mobile.list.emptyMine')} />;
}

/** 待核查: results fed back in my grid, waiting for me to check on site. */
export function VerifyPage() {
  const { t } = useTranslation();
  return <CaseList view="verify" rowPrefix="verify-row" emptyText={t('mobile.list.emptyVerify')} showLight />;
}
