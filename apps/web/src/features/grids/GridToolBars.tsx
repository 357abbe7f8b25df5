import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { DrawBar } from './DrawBar.tsx';
import type { useGridTools } from './useGridTools.ts';

/** The bar over the map while a new grid is drawn or a boundary edited: what to do, errors, buttons. */
export function GridToolBars({ tools }: { tools: ReturnType<typeof useGridTools> }) {
  const { t } = useTranslation();
  const { mode } = tools;
  if (mode.kind === 'draw') {
    return (
      <DrawBar
        hint={t('grids.drawHint', { name: mode.input.name })}
        error={tools.error}
        busy={tools.saving}
        actions={
          <>
            {mode.draft && !tools.saving && (
              <Button size="small" onClick={tools.redraw} data-testid="draw-redraw">
                {t('grids.redraw')}
              </Button>
            )}
            <Button size="small" onClick={tools.cancel} data-testid="draw-cancel">
              {t('grids.cancel')}
            </Button>
          </>
        }
      />
    );
  }
  if (mode.kind === 'edit') {
    return (
      <DrawBar
        hint={t('grids.editHint')}
        error={tools.error}
        busy={tools.saving}
        actions={
          <>
            <Button
              size="small"
              type="primary"
              loading={tools.saving}
              disabled={!mode.shape}
              onClick={tools.saveEdited}
              data-testid="edit-save"
            >
              {t('grids.saveBoundary')}
            </Button>
            <Button size="small" onClick={tools.cancel} data-testid="edit-cancel">
              {t('grids.cancel')}
            </Button>
          </>
        }
      />
    );
  }
  return null;
}
