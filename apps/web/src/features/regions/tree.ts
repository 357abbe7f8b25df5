import type { Region } from '@gewu/domain';

export interface RegionTreeNode {
  region: Region;
  children: RegionTreeNode[];
}

/**
 * Builds the tree from the flat, scope-limited list. A node whose parent is outside the
 * caller's scope becomes a root (a township worker's tree starts at the township).
 */
export function buildRegionTree(regions: readonly Region[]): RegionTreeNode[] {
  const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map<string, RegionTreeNode>(sorted.map((r) => [r.id, { region: r, children: [] }]));
  const roots: RegionTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentId ? nodes.get(node.region.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Keeps nodes whose name or code contains `text`, plus their ancestors. */
export function filterRegionTree(nodes: readonly RegionTreeNode[], text: string): RegionTreeNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...nodes];
  return nodes.flatMap((node) => {
    const children = filterRegionTree(node.children, needle);
    const hit = node.region.name.toLowerCase().includes(needle) || node.region.code.includes(needle);
    return hit || children.length > 0 ? [{ region: node.region, children: hit ? node.children : children }] : [];
  });
}

/** Ids of every node down to `depth` levels (for the initially expanded part of the tree). */
export function idsToDepth(nodes: readonly RegionTreeNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => [n.region.id, ...idsToDepth(n.children, depth - 1)]);
}
