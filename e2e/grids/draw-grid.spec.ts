import { expect, test, type Page } from '@playwright/test';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';
import { pickOption } from '../fixtures/antd.ts';
import { aroundMapCentre, drawPolygon } from '../fixtures/map.ts';

// The demo villages are tiled by unit grids, so a new grid here is a 微网格 inside 致知社区第1网格.
const PARENT = { village: '致知社区', grid: '致知社区第1网格', code: '410104001002001' };

/** Opens 新建网格 for a micro-grid of PARENT; the map then zooms to the parent grid. */
async function startMicroGrid(page: Page): Promise<{ code: string; name: string }> {
  await page.getByTestId('grid-create').click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog.getByTestId('grid-create-village'), PARENT.village);
  await pickOption(page, dialog.getByTestId('grid-create-kind'), '微网格');
  await pickOption(page, dialog.getByTestId('grid-create-parent'), PARENT.grid);
  // The next free sequence and a name are proposed from the parent grid.
  const seq = dialog.getByTestId('grid-create-seq');
  await expect(seq).toHaveValue(/^\d{3}$/);
  const code = PARENT.code + (await seq.inputValue());
  const name = await dialog.getByTestId('grid-create-name').inputValue();
  expect(name).toContain(`${PARENT.grid}微网格`);
  await page.getByTestId('grid-create-start').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('draw-bar')).toContainText(name);
  return { code, name };
}

test('系统管理员在网格地图上绘制微网格，保存后刷新仍在', async ({ page }) => {
  // The map (Leaflet, Geoman) runs under the server's strict Content-Security-Policy without a violation.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text()))
      violations.push(m.text());
  });
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-grids').click();
  await expect(page.getByTestId('grid-map').locator('path.leaflet-interactive').first()).toBeVisible();
  await expect(page.getByTestId(`grid-item-${PARENT.code}`)).toBeVisible();

  const { code, name } = await startMicroGrid(page);
  // A quadrilateral around the centre of the parent grid.
  await drawPolygon(
    page,
    await aroundMapCentre(page, [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]),
  );
  await expect(page.getByText(`已新建网格 ${name}`)).toBeVisible();
  const panel = page.getByTestId('grid-panel');
  await expect(panel.getByTestId('grid-panel-name')).toHaveText(name);
  await expect(panel.getByTestId('grid-panel-code')).toHaveText(code);
  await expect(panel).toContainText('微网格');
  await expect(panel).toContainText('致知社区');

  // Persisted: after a reload it is in the village's list, with its area.
  await page.reload();
  await pickOption(page, page.getByTestId('grid-village-filter'), PARENT.village);
  const item = page.getByTestId(`grid-item-${code}`);
  await expect(item).toContainText(name);
  await expect(item).toContainText('m²');
  await item.click();
  await expect(panel.getByTestId('grid-panel-code')).toHaveText(code);
  await expect(panel).toContainText('边界版本');
  await logoutViaUi(page);
  expect(violations).toEqual([]);
});

test('自相交（蝴蝶结形）的边界被拒绝，并显示中文原因', async ({ page }) => {
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-grids').click();
  await expect(page.getByTestId(`grid-item-${PARENT.code}`)).toBeVisible();
  const before = await page.getByTestId('grid-count').textContent();

  const { code } = await startMicroGrid(page);
  // Corners in the order NW, SE, NE, SW: the two edges cross in the middle.
  await drawPolygon(
    page,
    await aroundMapCentre(page, [
      [-1, -1],
      [1, 1],
      [1, -1],
      [-1, 1],
    ]),
  );
  const error = page.getByTestId('draw-error');
  await expect(error).toContainText('网格边界无效');
  await expect(error).toContainText('自相交');

  // Nothing was created; cancelling leaves the map as it was.
  await page.getByTestId('draw-cancel').click();
  await expect(page.getByTestId('draw-bar')).toBeHidden();
  await expect(page.getByTestId('grid-count')).toHaveText(before ?? '');
  await expect(page.getByTestId(`grid-item-${code}`)).toHaveCount(0);
  await logoutViaUi(page);
});
