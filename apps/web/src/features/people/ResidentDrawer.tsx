import { useState } from 'react';
import { Button, Descriptions, Divider, Drawer, Empty, Space, Tag, Timeline } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { useVisits } from './api.ts';
import { RevealDialog } from './RevealDialog.tsx';
import { VisitDialog } from './VisitDialog.tsx';

interface Props {
  resident: ResidentView;
  gridName: string;
  onClose: () => void;
}

/** One person's record: masked numbers (revealed only on request), categories, place and visits. */
export function ResidentDrawer({ resident: r, gridName, onClose }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const mayReadVisits = can('special_population.read');
  const visits = useVisits(r.id, mayReadVisits);
  const [revealing, setRevealing] = useState<'idNumber' | 'phone' | null>(null);
  const [visiting, setVisiting] = useState(false);

  const masked = (value: string | null, field: 'idNumber' | 'phone') => (
    <Space wrap>
      <code>{value ?? '—'}</code>
      {value && can('person.reveal') && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setRevealing(field)}
          data-testid={`reveal-${field}`}
        >
          {t('residents.reveal')}
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer
      open
      size={560}
      title={t('residents.detailTitle', { name: r.name })}
      onClose={onClose}
      data-testid="resident-drawer"
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('people.name'), children: r.name },
          { key: 'gender', label: t('people.gender'), children: r.gender ? t(`people.${r.gender}`) : '—' },
          { key: 'birthYear', label: t('people.birthYear'), children: r.birthYear ?? '—' },
          { key: 'ethnicity', label: t('people.ethnicity'), children: r.ethnicity ?? '—' },
          { key: 'id', label: t('people.idNumber'), children: masked(r.idMasked, 'idNumber') },
          { key: 'phone', label: t('people.phone'), children: masked(r.phoneMasked, 'phone') },
          {
            key: 'categories',
            label: t('people.categories'),
            children: r.categories.map((c) => <Tag key={c}>{t(`categories.${c}`)}</Tag>),
          },
          { key: 'village', label: t('people.village'), children: r.villageName },
          { key: 'grid', label: t('people.grid'), children: gridName },
          { key: 'address', label: t('people.address'), children: r.address ?? '—' },
          { key: 'note', label: t('people.note'), children: r.note ?? '—' },
        ]}
      />
      {mayReadVisits && <Divider titlePlacement="start">{t('residents.visits')}</Divider>}
      {mayReadVisits && can('person.manage') && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setVisiting(true)}
          style={{ marginBottom: 16 }}
          data-testid="resident-add-visit"
        >
          {t('residents.addVisit')}
        </Button>
      )}
      {!mayReadVisits ? null : visits.data && visits.data.length > 0 ? (
        <Timeline
          data-testid="resident-visits"
          items={[...visits.data]
            .reverse()
            .map((v) => ({ key: v.id, title: dayjs(v.visitedAt).format('YYYY-MM-DD HH:mm'), content: v.note }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('residents.noVisits')} />
      )}
      {revealing && (
        <RevealDialog path={`/api/residents/${r.id}/reveal`} field={revealing} onClose={() => setRevealing(null)} />
      )}
      {visiting && <VisitDialog residentId={r.id} name={r.name} onClose={() => setVisiting(false)} />}
    </Drawer>
  );
}
