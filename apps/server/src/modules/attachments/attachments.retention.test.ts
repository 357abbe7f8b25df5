import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { queryRows } from '../../db/client.ts';
import {
  as,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { ATTACHMENT_LINKS, attachmentsLinkableSince, purgeUnlinkedAttachments } from './attachments.retention.ts';

const DAY = 86_400_000;
const KEEP_DAYS = 30;
let t: TestApp;
let dataDir: string;
let png: Buffer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-attachments-retention-'));
  t = await createTestApp({ GEWU_DATA_DIR: dataDir, GEWU_ATTACHMENT_UNLINKED_DAYS: String(KEEP_DAYS) });
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060c0' } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const upload = async (s: Session): Promise<string> => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...as(s).headers, 'content-type': 'image/png' },
    payload: png,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

const report = async (s: Session, attachmentIds: string[]) => {
  const item = STARTER_CATALOGUE.find(
    (i) => i.publicReport && !i.fields.some((f) => f.required),
  ) as (typeof STARTER_CATALOGUE)[number];
  const spot = await pointInGrid(t.database, '410104001001001');
  return t.app.inject({
    method: 'POST',
    url: '/api/cases',
    ...as(s),
    payload: {
      itemCode: item.code,
      description: '现场照片见附件',
      location: { lon: spot.lon, lat: spot.lat },
      attachmentIds,
      idempotencyKey: crypto.randomUUID(),
    },
  });
};

/** The attachment's three files (original, public copy, thumbnail) that exist on disk. */
async function filesOf(id: string): Promise<string[]> {
  const [row] = await queryRows<{ o: string; p: string; th: string }>(
    t.database.db,
    sql`SELECT original_path AS o, public_path AS p, thumb_path AS th FROM attachments WHERE id = ${id}`,
  );
  if (!row) throw new Error(`no attachment ${id}`);
  return [row.o, row.p, row.th].filter((rel) => fs.existsSync(path.join(dataDir, rel)));
}

describe('unlinked attachments', () => {
  it('the link window closes a day before the purge', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    expect(attachmentsLinkableSince(now, 30).toISOString()).toBe('2026-10-30T00:00:00.000Z');
  });

  it('are purged after GEWU_ATTACHMENT_UNLINKED_DAYS with their files and an audit entry; linked and recent ones stay', async () => {
    const resident = await login(t.app, 'resident');
    const linked = await upload(resident);
    const abandoned = await upload(resident);
    expect((await report(resident, [linked])).statusCode).toBe(201);
    const abandonedFiles = await filesOf(abandoned);
    expect(abandonedFiles).toHaveLength(3);
    expect(await filesOf(linked)).toHaveLength(3);

    // A day short of the limit nothing goes.
    t.clock.advance((KEEP_DAYS - 1) * DAY);
    expect(await purgeUnlinkedAttachments(t.deps)).toBe(0);

    t.clock.advance(DAY + 60_000);
    const again = await login(t.app, 'resident');
    const recent = await upload(again);
    const before = await tableCounts(t.database);
    expect(await purgeUnlinkedAttachments(t.deps, 1)).toBe(1); // batches of one: the loop ends on a short batch

    const after = await tableCounts(t.database);
    expect(after.attachments).toBe(before.attachments! - 1);
    const ids = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM attachments WHERE id IN (${linked}, ${abandoned}, ${recent}) ORDER BY created_at`,
    );
    expect(ids.map((r) => r.id)).toEqual([linked, recent]);
    for (const rel of abandonedFiles) expect(fs.existsSync(path.join(dataDir, rel))).toBe(false);
    expect(await filesOf(linked)).toHaveLength(3);
    expect(await filesOf(recent)).toHaveLength(3);

    const audit = await queryRows<{ actor_id: string | null; detail: { count: number; ids: string[] } }>(
      t.database.db,
      sql`SELECT actor_id, detail FROM audit_log WHERE action = 'attachment.purge_unlinked'`,
    );
    expect(audit).toEqual([{ actor_id: null, detail: expect.objectContaining({ count: 1, ids: [abandoned] }) }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${abandoned}`, ...as(again) })).statusCode).toBe(
      404,
    );
    expect(await purgeUnlinkedAttachments(t.deps)).toBe(0);

    // The walk stopped after the last photo it looked at (both went up at the same instant: by id),
    // and the next one that comes of age is taken from there.
    const [mark] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT position->>'id' AS id FROM job_marks WHERE name = 'attachments.unlinked'`,
    );
    expect(mark?.id).toBe([linked, abandoned].sort().at(-1));
    t.clock.advance(KEEP_DAYS * DAY + 1000);
    expect(await purgeUnlinkedAttachments(t.deps)).toBe(1);
    expect(await filesOf(linked)).toHaveLength(3);
    expect((await queryRows(t.database.db, sql`SELECT 1 FROM attachments WHERE id = ${recent}`)).length).toBe(0);
  });

  it('two instances purging at once take each photo once', async () => {
    const resident = await login(t.app, 'resident');
    const abandoned: string[] = [];
    for (let i = 0; i < 6; i++) abandoned.push(await upload(resident));
    t.clock.advance(KEEP_DAYS * DAY + 1000);
    const counts = await Promise.all([purgeUnlinkedAttachments(t.deps, 2), purgeUnlinkedAttachments(t.deps, 2)]);
    expect(counts[0] + counts[1]).toBe(6);
    const audit = await queryRows<{ ids: string[] }>(
      t.database.db,
      sql`SELECT detail->'ids' AS ids FROM audit_log WHERE action = 'attachment.purge_unlinked'`,
    );
    const taken = audit.flatMap((a) => a.ids).filter((id) => abandoned.includes(id));
    expect(taken.sort()).toEqual([...abandoned].sort());
  });

  it('refuses to link a photo whose link window has closed (attachment.expired), and files nothing', async () => {
    const resident = await login(t.app, 'resident');
    const old = await upload(resident);
    t.clock.advance((KEEP_DAYS - 1) * DAY + 60_000);
    const now = await login(t.app, 'resident');
    const fresh = await upload(now);
    const before = await tableCounts(t.database);

    const res = await report(now, [fresh, old]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'attachment.expired',
      message: '附件上传已久、即将清理，请重新上传',
      details: [{ path: 'attachmentIds.1' }],
    });
    expect(await tableCounts(t.database)).toEqual(before);

    // Uploaded again, the same photo goes through.
    expect((await report(now, [fresh, await upload(now)])).statusCode).toBe(201);
  });

  it('every column that holds attachment ids is one the purge looks at', async () => {
    // Found in the database, not in the list: a module that adds a photo column without joining the
    // retention would otherwise lose its photos after GEWU_ATTACHMENT_UNLINKED_DAYS.
    const columns = await queryRows<{ t: string; c: string }>(
      t.database.db,
      sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name ~ '(attachment|photo|scan)' AND table_name <> 'attachments'
           ORDER BY 1, 2`,
    );
    expect(columns.length).toBeGreaterThanOrEqual(7);
    const listed = ATTACHMENT_LINKS.map((l) => `${l.table}.${l.column}`).sort();
    expect(columns.map((r) => `${r.t}.${r.c}`)).toEqual(listed);
  });

  it('a photo on a public notice (a JSON list of ids) is kept; one left out of it goes', async () => {
    const centre = await login(t.app, 'dispatcher');
    const onNotice = await upload(centre);
    const leftOut = await upload(centre);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notices',
      ...as(centre),
      payload: {
        regionId: await regionIdByCode(t.database, '410104001201'),
        category: 'village',
        title: '村务公开（附照片）',
        body: '道路硬化工程完工，照片见附件。',
        attachmentIds: [onNotice],
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    t.clock.advance(KEEP_DAYS * DAY + 1000);
    await purgeUnlinkedAttachments(t.deps);
    const left = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM attachments WHERE id IN (${onNotice}, ${leftOut})`,
    );
    expect(left.map((r) => r.id)).toEqual([onNotice]);
  });
});
