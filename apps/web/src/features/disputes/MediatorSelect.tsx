import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from './api.ts';

interface Props {
  organisationId: string | null;
  /** Left out of the choices (the mediator holding it, on reassignment). */
  exclude?: string | null;
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}

/** A mediator of the dispute's organisation, each with the disputes they hold now (在办), the least loaded first. */
export function MediatorSelect({ organisationId, exclude, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const org = orgs.data?.find((o) => o.id === organisationId);
  const mediators = [...(org?.mediators ?? [])]
    .filter((m) => m.userId !== exclude)
    .sort((a, b) => a.openLoad - b.openLoad || a.name.localeCompare(b.name, 'zh'));
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={orgs.isPending}
      notFoundContent={t('disputes.assign.none')}
      options={mediators.map((m) => ({
        value: m.userId,
        label: (
          <Space size={8} data-testid={`dispute-mediator-option-${m.name}`}>
            <span>{m.name}</span>
            {m.title && <Typography.Text type="secondary">{m.title}</Typography.Text>}
            <Typography.Text type="secondary">{t('disputes.assign.load', { n: m.openLoad })}</Typography.Text>
          </Space>
        ),
      }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
