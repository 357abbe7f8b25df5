import { useMemo, useState } from 'react';
import { Button, Card, Space, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { apiUrl } from '../../app/api.ts';
import { ExportMenu } from '../../components/ExportMenu.tsx';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { useGridChecks, useGrids } from './api.ts';
import { GridMap, type Highlight } from './GridMap.tsx';
import { Legend } from './Legend.tsx';
import { GridPanel } from './GridPanel.tsx';
import { GridList } from './GridList.tsx';
import { GridChecksPanel, checkHighlights } from './GridChecksPanel.tsx';
import { CreateGridDialog } from './CreateGridDialog.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { GridToolBars } from './GridToolBars.tsx';
import { useGridTools } from './useGridTools.ts';
import { KIND_COLORS } from './style.ts';

/** 网格地图: every grid in scope on a map, its details and staff, drawing and checking boundaries. */
export function GridsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [villageId, setVillageId] = useState<string>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<'details' | 'checks'>('details');
  const [showChecks, setShowChecks] = useState(true);
  const [assigning, setAssigning] = useState<{ id: string; name: string } | null>(null);
  const [focus, setFocus] = useState<{ key: string; ids: readonly string[] } | null>(null);
  // All grids in scope, once; the village filter narrows what the map shows.
  const grids = useGrids();
  const all = useMemo(() => grids.data ?? [], [grids.data]);
  const list = useMemo(() => (villageId ? all.filter((g) => g.villageId === villageId) : all), [all, villageId]);
  const checks = useGridChecks(tab === 'checks' ? (villageId ?? null) : null);
  const tools = useGridTools((grid) => setSelectedId(grid.id));
  const { mode } = tools;

  const highlights = useMemo<Highlight[]>(() => {
    const shown = tab === 'checks' && showChecks ? checkHighlights(checks.data, all) : [];
    const draft = mode.kind === 'draw' ? mode.draft : null;
    return draft
      ? [
          ...shown,
          { key: 'draft', geometry: draft, style: { color: KIND_COLORS.dedicated, weight: 3, fillOpacity: 0.25 } },
        ]
      : shown;
  }, [tab, showChecks, checks.data, all, mode]);

  const focusIds = focus?.ids ?? list.map((g) => g.id);
  const mapFocus = {
    key: focus?.key ?? `list:${villageId ?? ''}:${grids.data ? 'loaded' : ''}`,
    boundaries: all.filter((g) => focusIds.includes(g.id)).map((g) => g.boundary),
  };

  const drawing = mode.kind === 'draw' || mode.kind === 'edit';
  const selectVillage = (id: string | undefined) => {
    setVillageId(id);
    setFocus(null);
    setSelectedId(null);
  };

  return (
    <div style={{ display: 'flex', gap: 16, height: 'calc(100vh - 96px)', minHeight: 520 }} data-testid="grids-page">
      <Card
        title={t('grids.title')}
        style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ body: { flex: 1, padding: 0, position: 'relative', overflow: 'hidden' } }}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" data-testid="grid-count">
              {t('grids.count', { count: list.length })}
            </Typography.Text>
            <VillageSelect
              value={villageId}
              onChange={selectVillage}
              allowClear
              placeholder={t('grids.villageFilter')}
              style={{ width: 220 }}
              testId="grid-village-filter"
            />
            <ExportMenu
              path="/api/exports/grids"
              testId="grid-export"
              extra={[{ key: 'geojson', label: 'GeoJSON', href: apiUrl('/api/grids/export.geojson') }]}
            />
            {can('grid.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={drawing}
                onClick={tools.openForm}
                data-testid="grid-create"
              >
                {t('grids.create')}
              </Button>
            )}
          </Space>
        }
      >
        <GridMap
          grids={list}
          selectedId={selectedId}
          onSelect={setSelectedId}
          highlights={highlights}
          focus={mapFocus}
          tool={tools.tool}
        />
        <Legend />
        <GridToolBars tools={tools} />
      </Card>
      <Card style={{ width: 380, flexShrink: 0, overflow: 'auto' }} styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as 'details' | 'checks');
            // Problems are found per village: show the whole village while checking.
            if (k === 'checks') setFocus({ key: `checks:${Date.now()}`, ids: list.map((g) => g.id) });
          }}
          items={[
            {
              key: 'details',
              label: t('grids.details'),
              children: selectedId ? (
                <GridPanel
                  gridId={selectedId}
                  busy={drawing}
                  onBack={() => setSelectedId(null)}
                  onEditBoundary={tools.startEditing}
                  onAssign={(id, name) => setAssigning({ id, name })}
                />
              ) : (
                <GridList
                  grids={list}
                  onSelect={(id) => {
                    setSelectedId(id);
                    setFocus({ key: `grid:${id}:${Date.now()}`, ids: [id] });
                  }}
                />
              ),
            },
            {
              key: 'checks',
              label: <span data-testid="grid-checks-tab">{t('grids.checks')}</span>,
              children: (
                <GridChecksPanel
                  villageId={villageId}
                  onVillageChange={selectVillage}
                  check={checks.data}
                  loading={checks.isFetching}
                  showOnMap={showChecks}
                  onShowOnMapChange={setShowChecks}
                />
              ),
            },
          ]}
        />
      </Card>
      {mode.kind === 'form' && (
        <CreateGridDialog
          grids={all}
          initialVillageId={villageId}
          onClose={tools.cancel}
          onStart={(input) => {
            tools.startDrawing(input);
            const around = input.parentGridId
              ? [input.parentGridId]
              : all.filter((g) => g.villageId === input.villageId).map((g) => g.id);
            if (around.length > 0) setFocus({ key: `draw:${Date.now()}`, ids: around });
          }}
        />
      )}
      {assigning && <AssignDialog gridId={assigning.id} gridName={assigning.name} onClose={() => setAssigning(null)} />}
    </div>
  );
}
