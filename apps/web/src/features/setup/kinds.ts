import { DEPARTMENT_KINDS, DEPARTMENT_KIND_LABELS, type DepartmentKind } from '@gewu/domain';

export function isDepartmentKind(kind: string): kind is DepartmentKind {
  return (DEPARTMENT_KINDS as readonly string[]).includes(kind);
}

/** The department kind's official Chinese name (权责配置), or the raw kind for one the catalogue no longer has. */
export function kindLabel(kind: string): string {
  return isDepartmentKind(kind) ? DEPARTMENT_KIND_LABELS[kind] : kind;
}

export const KIND_OPTIONS = DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }));
