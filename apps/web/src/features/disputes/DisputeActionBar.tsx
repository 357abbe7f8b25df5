import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeAction, DisputeDetail } from '@gewu/domain';
import { barActions, disputeActionForm, primaryAction } from './actions.ts';
import { AgreeDialog } from './AgreeDialog.tsx';
import { DisputeActionDialog } from './DisputeActionDialog.tsx';
import { DivertDialog } from './DivertDialog.tsx';
import { ReferCaseDialog } from './ReferCaseDialog.tsx';
import { useCan } from '../../app/session.ts';

/** One button per action the server says this user may take now (`dispute-action-<action>`), each opening its dialog. */
export function DisputeActionBar({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [active, setActive] = useState<DisputeAction | null>(null);
  const actions = barActions(detail.actions);
  const primary = primaryAction(actions);
  const close = () => setActive(null);
  // 转案件 has its own route and dialog; it needs the item catalogue to name what the case is.
  const referable = detail.actions.includes('refer_case') && can('item.read');
  if (actions.length === 0 && !referable)
    return (
      <Typography.Text type="secondary" data-testid="dispute-no-actions">
        {t('disputes.detail.noActions')}
      </Typography.Text>
    );
  const dialog = active ? disputeActionForm(active).dialog : null;
  return (
    <>
      <Space wrap data-testid="dispute-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={disputeActionForm(a).danger}
            onClick={() => setActive(a)}
            data-testid={`dispute-action-${a}`}
          >
            {t(`disputes.actions.${a}`)}
          </Button>
        ))}
        {referable && (
          <Button onClick={() => setActive('refer_case')} data-testid="dispute-action-refer_case">
            {t('disputes.actions.refer_case')}
          </Button>
        )}
      </Space>
      {active === 'refer_case' && <ReferCaseDialog detail={detail} onClose={close} />}
      {active && dialog === 'divert' && <DivertDialog detail={detail} onClose={close} />}
      {active && dialog === 'agree' && <AgreeDialog detail={detail} onClose={close} />}
      {active && active !== 'refer_case' && dialog === 'generic' && (
        <DisputeActionDialog key={active} detail={detail} action={active} onClose={close} />
      )}
    </>
  );
}
