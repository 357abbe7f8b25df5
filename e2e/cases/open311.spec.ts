import { expect, request, test } from '@playwright/test';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { desktopAction, openInConsole, spotInGrid } from '../fixtures/cases.ts';

const ITEM = STARTER_CATALOGUE.find(
  (i) => i.publicReport && i.fields.length === 0,
) as (typeof STARTER_CATALOGUE)[number];

test('a report from an Open311 client reaches the dispatcher console, and the console’s decision reaches the client', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const spot = await spotInGrid(baseURL as string);
  // The admin issues a key for the city app.
  const admin = await apiLogin(baseURL as string, 'admin');
  const regions = await admin.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const township = regions.items.find((r) => r.code === '410104001');
  const keyName = uniqueName('城市服务App');
  const { key } = await admin.post<{ key: string }>('/api/api-keys', {
    name: keyName,
    regionId: township?.id,
    source: 'open311',
  });
  await admin.dispose();

  // The app posts a request, as any GeoReport v2 client does.
  const client = await request.newContext({ baseURL });
  const description = uniqueName('Open311 上报：人行道砖块松动');
  const posted = await client.post('/open311/v2/requests.json', {
    form: {
      api_key: key,
      service_code: ITEM.code,
      lat: String(spot.latitude),
      long: String(spot.longitude),
      description,
      first_name: '小红',
      last_name: '李',
      phone: '13800138000',
      media_url: 'https://photos.example.com/brick.jpg',
    },
  });
  expect(posted.status()).toBe(201);
  const [{ service_request_id: code }] = (await posted.json()) as [{ service_request_id: string }];
  expect(code).toMatch(/^\d{15}$/);

  // The dispatcher finds it in the intake queue and refuses it with a reason.
  const { desk, dispatcher } = await openInConsole(browser, code);
  await expect(dispatcher.getByTestId('case-info').getByText(description)).toBeVisible();
  // The channel in full: Open311, the client's key name, its photo link; the name joined as written.
  await expect(dispatcher.getByTestId('case-origin')).toHaveText(`Open311 · ${keyName}`);
  await expect(dispatcher.getByTestId('case-media-url')).toHaveAttribute(
    'href',
    'https://photos.example.com/brick.jpg',
  );
  await expect(dispatcher.getByTestId('case-reporter')).toContainText('李小红');

  // The dispatcher reviews the public copy: the client's request is public by its own act; the text is rewritten for the feed.
  const card = dispatcher.getByTestId('case-publication');
  await expect(card.getByTestId('publication-consent')).toHaveText('经 Open311 提交（由提交方公开）');
  await expect(card.getByTestId('publication-state')).toHaveText('已公开');
  await card.getByTestId('publication-text').fill('人行道砖块松动（已审核）');
  await card.getByTestId('publication-save').click();
  await expect(card.getByTestId('publication-shown')).toContainText('人行道砖块松动（已审核）');
  await card.scrollIntoViewIfNeeded();
  await dispatcher.screenshot({ path: test.info().outputPath('publication-desktop.png') });
  await dispatcher.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await dispatcher.screenshot({ path: test.info().outputPath('publication-phone.png') });
  await dispatcher.setViewportSize({ width: 1440, height: 900 });
  const reviewed = (await (await client.get(`/open311/v2/requests/${code}.json`)).json()) as { description: string }[];
  expect(reviewed[0]?.description).toBe('人行道砖块松动（已审核）');
  await desktopAction(dispatcher, 'reject', '经核实属于物业管理范围，已告知物业');
  await expect(dispatcher.getByTestId('case-state')).toHaveText('不予受理');

  // The client sees the request closed, and the change among the updates, without the reason's wording.
  const shown = (await (await client.get(`/open311/v2/requests/${code}.json`)).json()) as {
    status: string;
    status_notes: string;
  }[];
  expect(shown[0]).toMatchObject({ status: 'closed', status_notes: '已关闭：不予受理' });
  const updates = await client.get('/open311/v2/servicerequestupdates.xml');
  expect(updates.headers()['content-type']).toMatch(/text\/xml/);
  const text = await updates.text();
  expect(text).toContain(`<service_request_id>${code}</service_request_id>`);
  expect(text).not.toContain('物业管理');
  expect(text).not.toContain('13800138000');
  await client.dispose();
  await desk.close();
});
