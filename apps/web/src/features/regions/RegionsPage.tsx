import { useMemo, useState } from 'react';
import { Card, Col, Empty, Input, Row, Spin, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { useRegions } from './api.ts';
import { buildRegionTree, filterRegionTree, idsToDepth, type RegionTreeNode } from './tree.ts';
import { RegionDetail } from './RegionDetail.tsx';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function toTreeItems(nodes: readonly RegionTreeNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.region.id,
    title: (
      <span data-testid={`region-node-${n.region.code}`}>
        {n.region.name} <Typography.Text type="secondary">{n.region.code}</Typography.Text>
      </span>
    ),
    children: toTreeItems(n.children),
  }));
}

/** 区划: the region tree of my scope; admins add child regions from the detail panel. */
export function RegionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const regions = useRegions();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const tree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const items = useMemo(() => toTreeItems(filterRegionTree(tree, search)), [tree, search]);
  const byId = useMemo(() => new Map<string, Region>((regions.data ?? []).map((r) => [r.id, r])), [regions.data]);
  const selected = byId.get(selectedId ?? user.region.id) ?? null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t('regions.title')}>
          <Input.Search
            allowClear
            placeholder={t('regions.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 12 }}
          />
          {regions.isPending ? (
            <Spin />
          ) : items.length === 0 ? (
            <Empty description={t('regions.empty')} />
          ) : (
            <Tree
              key={search ? 'filtered' : 'all'}
              treeData={items}
              defaultExpandedKeys={search ? undefined : idsToDepth(tree, 4)}
              defaultExpandAll={Boolean(search)}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
              blockNode
              data-testid="region-tree"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('regions.detail')}>
          {selected ? (
            <RegionDetail region={selected} onCreated={(r) => setSelectedId(r.id)} />
          ) : (
            <Empty description={t('regions.selectHint')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
