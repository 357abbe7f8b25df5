import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridView } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { useCreateGrid, useSetBoundary, type Boundary } from './api.ts';
import type { NewGrid } from './CreateGridDialog.tsx';
import type { MapTool } from './GridMap.tsx';

export type Mode =
  | { kind: 'view' }
  | { kind: 'form' }
  | { kind: 'draw'; input: NewGrid; draft: Boundary | null }
  | { kind: 'edit'; gridId: string; shape: Boundary | null };

/**
 * The grid page's tools: 新建网格 (form → draw → POST) and 编辑边界 (edit → PUT). A refused
 * shape stays on the map with the server's Chinese reason until it is redrawn or cancelled.
 */
export function useGridTools(onSaved: (grid: GridView) => void) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [error, setError] = useState<string | null>(null);
  const create = useCreateGrid();
  const setBoundary = useSetBoundary();

  const reset = (next: Mode) => {
    setError(null);
    setMode(next);
  };

  const saveDrawn = (input: NewGrid, boundary: Boundary) => {
    setMode({ kind: 'draw', input, draft: boundary });
    setError(null);
    create.mutate(
      { ...input, boundary },
      {
        onSuccess: (grid) => {
          notifySuccess(t('grids.created', { name: grid.name }));
          reset({ kind: 'view' });
          onSaved(grid);
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  const saveEdited = () => {
    if (mode.kind !== 'edit' || !mode.shape) return;
    setBoundary.mutate(
      { id: mode.gridId, boundary: mode.shape },
      {
        onSuccess: (grid) => {
          notifySuccess(t('grids.boundarySaved'));
          reset({ kind: 'view' });
          onSaved(grid);
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  let tool: MapTool = { kind: 'none' };
  if (mode.kind === 'draw' && !mode.draft && !create.isPending) {
    const input = mode.input;
    tool = { kind: 'draw', onDrawn: (b) => saveDrawn(input, b) };
  } else if (mode.kind === 'edit') {
    const gridId = mode.gridId;
    tool = { kind: 'edit', gridId, onChange: (shape) => setMode({ kind: 'edit', gridId, shape }) };
  }

  return {
    mode,
    tool,
    error,
    saving: create.isPending || setBoundary.isPending,
    openForm: () => reset({ kind: 'form' }),
    startDrawing: (input: NewGrid) => reset({ kind: 'draw', input, draft: null }),
    redraw: () => mode.kind === 'draw' && reset({ kind: 'draw', input: mode.input, draft: null }),
    startEditing: (gridId: string) => reset({ kind: 'edit', gridId, shape: null }),
    saveEdited,
    cancel: () => reset({ kind: 'view' }),
  };
}
