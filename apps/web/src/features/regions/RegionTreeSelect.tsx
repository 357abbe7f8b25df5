import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useRegions } from './api.ts';
import { buildRegionTree, idsToDepth, type RegionTreeNode } from './tree.ts';

interface Option {
  value: string;
  title: string;
  children: Option[];
}

function toOptions(nodes: readonly RegionTreeNode[]): Option[] {
  return nodes.map((n) => ({
    value: n.region.id,
    title: `${n.region.name}（${n.region.code}）`,
    children: toOptions(n.children),
  }));
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

/** Region picker over the caller's scope, for forms (antd Form passes value/onChange). */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear, testId }: Props) {
  const regions = useRegions();
  const tree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const options = useMemo(() => toOptions(tree), [tree]);
  return (
    <TreeSelect<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={options}
      loading={regions.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={idsToDepth(tree, 3)}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
