import { Alert, Empty, List, Space, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridCheck, GridView } from '@gewu/domain';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import type { Highlight } from './GridMap.tsx';
import { CHECK_STYLES, formatArea } from './style.ts';

interface Props {
  villageId: string | undefined;
  onVillageChange: (id: string | undefined) => void;
  check: GridCheck | undefined;
  loading: boolean;
  showOnMap: boolean;
  onShowOnMapChange: (show: boolean) => void;
}

/** The problems of a check as map highlights: overlaps red, the gap yellow, grids reaching outside outlined. */
export function checkHighlights(check: GridCheck | undefined, grids: readonly GridView[]): Highlight[] {
  if (!check) return [];
  const outside = check.outside.flatMap((o) => {
    const boundary = grids.find((g) => g.id === o.id)?.boundary;
    return boundary ? [{ key: `outside-${o.id}`, geometry: boundary, style: CHECK_STYLES.outside }] : [];
  });
  return [
    ...(check.gap ? [{ key: 'gap', geometry: check.gap.geometry, style: CHECK_STYLES.gap }] : []),
    ...check.overlaps.map((o) => ({
      key: `overlap-${o.aId}-${o.bId}`,
      geometry: o.geometry,
      style: CHECK_STYLES.overlap,
    })),
    ...outside,
  ];
}

function Section({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={items}
      locale={{ emptyText: t('grids.none') }}
      renderItem={(text) => <List.Item>{text}</List.Item>}
      data-testid={testId}
    />
  );
}

/** 网格检查 for one village: overlapping grids, the uncovered gap and grids reaching outside, with areas. */
export function GridChecksPanel({ villageId, onVillageChange, check, loading, showOnMap, onShowOnMapChange }: Props) {
  const { t } = useTranslation();
  const clean = check && check.overlaps.length === 0 && !check.gap && check.outside.length === 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="grid-checks">
      <VillageSelect
        value={villageId}
        onChange={onVillageChange}
        placeholder={t('grids.checkVillage')}
        testId="grid-checks-village"
      />
      {!villageId ? (
        <Empty description={t('grids.checkVillage')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : loading || !check ? (
        <Spin />
      ) : (
        <>
          <Space>
            <Switch size="small" checked={showOnMap} onChange={onShowOnMapChange} />
            {t('grids.showOnMap')}
          </Space>
          <Typography.Text type="secondary">{t('grids.checkCount', { count: check.gridCount })}</Typography.Text>
          {!check.parentHasBoundary && <Alert type="warning" showIcon title={t('grids.noParentBoundary')} />}
          {clean && <Alert type="success" showIcon title={t('grids.allGood')} data-testid="grid-checks-ok" />}
          <Section
            title={t('grids.overlaps')}
            testId="grid-checks-overlaps"
            items={check.overlaps.map((o) =>
              t('grids.overlapItem', { a: o.aCode, b: o.bCode, area: formatArea(o.areaM2) }),
            )}
          />
          {check.parentHasBoundary && (
            <>
              <Section
                title={t('grids.gap')}
                testId="grid-checks-gap"
                items={check.gap ? [t('grids.gapItem', { area: formatArea(check.gap.areaM2) })] : []}
              />
              <Section
                title={t('grids.outside')}
                testId="grid-checks-outside"
                items={check.outside.map((o) => t('grids.outsideItem', { code: o.code, area: formatArea(o.areaM2) }))}
              />
            </>
          )}
        </>
      )}
    </Space>
  );
}
