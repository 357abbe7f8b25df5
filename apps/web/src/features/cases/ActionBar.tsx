import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetail } from '@gewu/domain';
import { ActionDialog } from './ActionDialog.tsx';
import { DispatchDialog } from './DispatchDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { ConvertDialog } from './ConvertDialog.tsx';
import { actionForm, orderActions } from './actions.ts';

/** One button per action the server says this user may take now (`case-action-<action>`), each opening its dialog. */
export function ActionBar({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<CaseAction | null>(null);
  const actions = orderActions(detail.actions);
  const close = () => setActive(null);

  if (actions.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="case-no-actions">
        {t('cases.detail.noActions')}
      </Typography.Text>
    );
  const dialog = active ? actionForm(active).dialog : null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 ? 'primary' : 'default'}
            danger={actionForm(a).danger}
            onClick={() => setActive(a)}
            data-testid={`case-action-${a}`}
          >
            {t(`cases.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {active && dialog === 'dispatch' && <DispatchDialog detail={detail} onClose={close} />}
      {active && dialog === 'merge' && <MergeDialog detail={detail} onClose={close} />}
      {active && dialog === 'convert' && <ConvertDialog detail={detail} onClose={close} />}
      {active && dialog === 'generic' && <ActionDialog key={active} detail={detail} action={active} onClose={close} />}
    </>
  );
}
