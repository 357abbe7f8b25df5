import { Button, Descriptions, Divider, List, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { useRegions } from '../regions/api.ts';
import { useGrid } from './api.ts';
import { formatArea, KIND_COLORS } from './style.ts';

interface Props {
  gridId: string | null;
  /** Set while another tool (drawing, editing) has the map. */
  busy: boolean;
  onBack: () => void;
  onEditBoundary: (id: string) => void;
  onAssign: (id: string, name: string) => void;
}

/** The selected grid: code, kind, size, its people and counts, and the actions for grid.manage. */
export function GridPanel({ gridId, busy, onBack, onEditBoundary, onAssign }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const regions = useRegions();
  const grid = useGrid(gridId);
  if (!gridId) return null;
  if (!grid.data) return <Spin />;
  const g = grid.data;
  const village = regions.data?.find((r) => r.id === g.villageId);

  return (
    <div data-testid="grid-panel">
      <Button
        type="link"
        size="small"
        icon={<ArrowLeftOutlined />}
        disabled={busy}
        onClick={onBack}
        style={{ paddingInline: 0 }}
        data-testid="grid-panel-back"
      >
        {t('grids.backToList')}
      </Button>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="grid-panel-name">
        {g.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'code', label: t('grids.code'), children: <span data-testid="grid-panel-code">{g.code}</span> },
          {
            key: 'kind',
            label: t('grids.kind'),
            children: (
              <Tag color={KIND_COLORS[g.kind]}>
                {t(`gridKinds.${g.kind}`)}
                {g.dedicatedKind
                  ? ` · ${t(`dedicatedKinds.${g.dedicatedKind}`, { defaultValue: g.dedicatedKind })}`
                  : ''}
              </Tag>
            ),
          },
          { key: 'village', label: t('grids.village'), children: village?.name ?? '—' },
          { key: 'households', label: t('grids.households'), children: g.households },
          { key: 'area', label: t('grids.area'), children: g.boundary ? formatArea(g.areaM2) : t('grids.noBoundary') },
          { key: 'versions', label: t('grids.versions'), children: g.boundaryVersions },
          {
            key: 'residents',
            label: t('grids.residentCount'),
            children: <span data-testid="grid-panel-residents">{g.residentCount}</span>,
          },
          { key: 'houses', label: t('grids.houseCount'), children: g.houseCount },
        ]}
      />
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        {t('grids.workers')}
      </Divider>
      <List
        size="small"
        dataSource={g.assignments}
        locale={{ emptyText: t('grids.noWorkers') }}
        data-testid="grid-panel-workers"
        renderItem={(a) => (
          <List.Item>
            <Space>
              <Tag>{t(`duties.${a.duty}`)}</Tag>
              {a.personName}
              {a.phoneMasked && <Typography.Text type="secondary">{a.phoneMasked}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {can('grid.manage') && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<EditOutlined />}
            disabled={busy}
            onClick={() => onEditBoundary(g.id)}
            data-testid="grid-edit-boundary"
          >
            {t('grids.editBoundary')}
          </Button>
          <Button
            icon={<UserAddOutlined />}
            disabled={busy}
            onClick={() => onAssign(g.id, g.name)}
            data-testid="grid-assign"
          >
            {t('grids.assign')}
          </Button>
        </Space>
      )}
    </div>
  );
}
