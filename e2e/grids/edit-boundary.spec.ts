import { expect, test, type Page } from '@playwright/test';
import { apiLogin } from '../fixtures/api.ts';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';
import { pickOption } from '../fixtures/antd.ts';

interface Grid {
  id: string;
  code: string;
  name: string;
  villageId: string;
}

/** A micro-grid with a small square boundary inside 致知社区第2网格 (113.708–113.714, 34.745–34.750). */
async function createMicroGrid(baseURL: string): Promise<Grid> {
  const admin = await apiLogin(baseURL, 'admin');
  try {
    const { items } = await admin.get<{ items: Grid[] }>('/api/grids');
    const parent = items.find((g) => g.code === '410104001002002');
    if (!parent) throw new Error('demo grid 410104001002002 missing');
    const seq = String(100 + Math.floor(Math.random() * 800));
    const square = [
      [113.71, 34.7465],
      [113.712, 34.7465],
      [113.712, 34.7485],
      [113.71, 34.7485],
      [113.71, 34.7465],
    ];
    return await admin.post<Grid>('/api/grids', {
      villageId: parent.villageId,
      parentGridId: parent.id,
      seq,
      name: `致知社区第2网格微网格${Number(seq)}`,
      kind: 'micro',
      households: 35,
      boundary: { type: 'Polygon', coordinates: [square] },
      crs: 'WGS84',
    });
  } finally {
    await admin.dispose();
  }
}

const VERTEX = '.leaflet-marker-icon.marker-icon:not(.marker-icon-middle)';

/** Zooms the map out by `levels` with its − button and waits until the vertex handles stop moving. */
async function zoomOut(page: Page, levels: number): Promise<void> {
  for (let i = 0; i < levels; i++) await page.locator('.leaflet-control-zoom-out').click();
  const handle = page.locator(VERTEX).first();
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await handle.boundingBox());
        const settled = now === last;
        last = now;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
}

/** Drags the geoman vertex handle `index` (ring order; not the midpoint handles) by dx, dy pixels. */
async function dragVertex(page: Page, index: number, dx: number, dy: number): Promise<void> {
  const box = await page.locator(VERTEX).nth(index).boundingBox();
  if (!box) throw new Error('vertex handle not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

test('编辑网格边界：超出上级网格被拒绝（中文原因），调整后保存为新版本', async ({ page, baseURL }) => {
  const grid = await createMicroGrid(baseURL as string);
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-grids').click();
  await pickOption(page, page.getByTestId('grid-village-filter'), '致知社区');
  await page.getByTestId(`grid-item-${grid.code}`).click();
  const panel = page.getByTestId('grid-panel');
  await expect(panel.getByTestId('grid-panel-code')).toHaveText(grid.code);
  await expect(panel).toContainText('边界版本1');

  // Pulled ~400 m to the east, the north-east corner leaves 致知社区第2网格 (its edge is ~180 m away).
  await panel.getByTestId('grid-edit-boundary').click();
  await expect(page.getByTestId('draw-bar')).toContainText('拖动顶点');
  await zoomOut(page, 2);
  await dragVertex(page, 2, 200, 0);
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('draw-error')).toContainText('网格边界超出上级（致知社区第2网格）范围');
  await page.getByTestId('edit-cancel').click();
  await expect(panel).toContainText('边界版本1');

  // A small move inside the parent is saved as version 2.
  await panel.getByTestId('grid-edit-boundary').click();
  await expect(page.locator(VERTEX)).toHaveCount(4);
  await dragVertex(page, 2, 15, 10);
  await page.getByTestId('edit-save').click();
  await expect(page.getByText('边界已保存（新版本）')).toBeVisible();
  await expect(page.getByTestId('draw-bar')).toBeHidden();
  await expect(panel).toContainText('边界版本2');
  await logoutViaUi(page);
});
