import { describe, expect, it } from 'vitest';
import type { Region } from '@gewu/domain';
import { buildRegionTree, filterRegionTree, idsToDepth } from './tree.ts';

const region = (id: string, code: string, name: string, parentId: string | null): Region => ({
  id,
  code,
  name,
  level: code.length === 6 ? 'county' : code.length === 9 ? 'township' : 'village',
  parentId,
  path: `/${code}/`,
  boundary: null,
});

// A county-level scope: the county's parent (the city) is not in the list.
const list: Region[] = [
  region('v2', '410104001002', '致知社区', 't1'),
  region('t1', '410104001', '格物街道', 'c1'),
  region('c1', '410104', '管城回族区', 'city-outside-scope'),
  region('v1', '410104001001', '明德社区', 't1'),
  region('t2', '410104002', '知行街道', 'c1'),
];

describe('buildRegionTree', () => {
  it('roots the tree at nodes whose parent is outside the scope, children sorted by code', () => {
    const tree = buildRegionTree(list);
    expect(tree.map((n) => n.region.name)).toEqual(['管城回族区']);
    expect(tree[0]?.children.map((n) => n.region.code)).toEqual(['410104001', '410104002']);
    expect(tree[0]?.children[0]?.children.map((n) => n.region.name)).toEqual(['明德社区', '致知社区']);
  });

  it('returns an empty forest for an empty list', () => {
    expect(buildRegionTree([])).toEqual([]);
  });
});

describe('filterRegionTree', () => {
  const tree = buildRegionTree(list);

  it('keeps matches with their ancestors', () => {
    const filtered = filterRegionTree(tree, '致知');
    expect(filtered[0]?.region.name).toBe('管城回族区');
    expect(filtered[0]?.children.map((n) => n.region.name)).toEqual(['格物街道']);
    expect(filtered[0]?.children[0]?.children.map((n) => n.region.name)).toEqual(['致知社区']);
  });

  it('matches codes and keeps a matching node whole', () => {
    const filtered = filterRegionTree(tree, '410104001');
    expect(filtered[0]?.children[0]?.children).toHaveLength(2);
  });

  it('returns nothing when nothing matches, everything for a blank search', () => {
    expect(filterRegionTree(tree, '不存在')).toEqual([]);
    expect(filterRegionTree(tree, '  ')).toHaveLength(1);
  });
});

describe('idsToDepth', () => {
  it('lists ids down to the given depth', () => {
    const tree = buildRegionTree(list);
    expect(idsToDepth(tree, 1)).toEqual(['c1']);
    expect(idsToDepth(tree, 2)).toEqual(['c1', 't1', 't2']);
    expect(idsToDepth(tree, 0)).toEqual([]);
  });
});
