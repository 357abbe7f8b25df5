import { randomUUID } from 'node:crypto';
import { type DisputeStage, defaultWorkCalendar, disputeStageLimit, disputeTierOfPath } from '@gewu/domain';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { stageClock } from '../platform/clocks/index.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { users } from '../modules/users/users.table.ts';
import { disputeTypes, mediationOrganisations, mediators } from '../modules/disputes/disputes.table.ts';
import {
  type NewDisputeEvent,
  appendDisputeEvent,
  insertParties,
  nextDisputeCode,
} from '../modules/disputes/disputes.repository.ts';
import { protectParty } from '../modules/disputes/disputes.parties.ts';
import { type DemoDispute, seedDisputeStories } from './demo-disputes-stories.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const COUNTY = '410104';

export interface DisputeBaseCounts {
  mediationOrganisations: number;
  disputes: number;
}

/**
 * The demo's disputes: a people's mediation committee per community/village and per township, the
 * county's committee and its medical-dispute committee, the demo mediator in 格物街道人民调解委员会,
 * and a handful of disputes in different states (registered, diverted and mediating, agreed inside
 * the 司法确认 window, closed after a follow-up, a major one with its 稳控责任人, one declined).
 */
export async function seedDisputeBase(
  db: Db,
  clock: Clock,
  pii: PiiCipher,
  ids: Map<string, { id: string; path: string }>,
): Promise<DisputeBaseCounts> {
  const now = clock.now();
  const cal = defaultWorkCalendar();
  const codes = [...ids.keys()].filter((c) => c.length === 12 || c.length === 9);
  const named = await db
    .select({ code: regions.code, name: regions.name, id: regions.id, path: regions.path })
    .from(regions)
    .where(inArray(regions.code, [...codes, COUNTY]));
  const orgRows: (typeof mediationOrganisations.$inferInsert)[] = named.map((r) => ({
    regionId: r.id,
    regionPath: r.path,
    tier: disputeTierOfPath(r.path),
    kind: r.code.length === 12 ? 'people_village' : r.code.length === 9 ? 'people_township' : 'people_county',
    name: `${r.name}人民调解委员会`,
    createdAt: now,
  }));
  const county = named.find((r) => r.code === COUNTY);
  if (county)
    orgRows.push({
      regionId: county.id,
      regionPath: county.path,
      tier: 'county',
      kind: 'professional',
      name: '管城区医疗纠纷人民调解委员会',
      typeCodes: ['medical'],
      createdAt: now,
    });
  const orgs = await db.insert(mediationOrganisations).values(orgRows).returning();
  const orgOf = (name: string) => orgs.find((o) => o.name === name) as (typeof orgs)[number];
  const township = orgOf('格物街道人民调解委员会');
  const mingde = orgOf('明德社区人民调解委员会');

  const staff = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(inArray(users.username, ['mediator', 'dispatcher', 'gridworker']));
  const user = (u: string) => staff.find((s) => s.username === u) as (typeof staff)[number];
  const mediator = user('mediator');
  const dispatcher = user('dispatcher');
  await db
    .insert(mediators)
    .values({ userId: mediator.id, organisationId: township.id, title: '专职人民调解员', linkedAt: now });
  const limits = new Map((await db.select().from(disputeTypes)).map((t) => [t.code, t.limits] as const));

  /** One demo dispute: registered `daysAgo` days ago, then the given events an hour or more apart. */
  const dispute: DemoDispute = async (daysAgo, r, parties, then) => {
    const start = new Date(now.getTime() - daysAgo * DAY_MS);
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR_MS);
    const clockOf = (stage: DisputeStage, from: Date) =>
      stageClock(stage, from, disputeStageLimit(stage, limits.get(r.typeCode)), cal);
    const day = new Date(start.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10).replaceAll('-', '');
    let row = await appendDisputeEvent(db, null, {
      type: 'register',
      at: start,
      actor: { id: dispatcher.id, name: dispatcher.name },
      data: {
        dispute: {
          id: randomUUID(),
          code: await nextDisputeCode(db, day),
          tier: disputeTierOfPath(r.regionPath),
          registeredBy: dispatcher.id,
          linkedCaseId: null,
          referringBody: null,
          externalRef: null,
          address: null,
          stabilityUserId: null,
          civilToCriminal: false,
          risk: 'general',
          ...r,
        },
        clock: clockOf('accept', start),
      },
    });
    const errors: { path: string; message: string }[] = [];
    const inserted = await insertParties(
      db,
      parties.map((p) => ({
        ...protectParty({ pii, clock }, p, errors),
        disputeId: row.id,
        createdAt: start,
        updatedAt: start,
      })),
    );
    if (errors.length) throw new Error(`demo party: ${errors[0]?.message}`);
    for (const e of then({ ids: inserted.map((p) => p.id), at, clock: clockOf }))
      row = await appendDisputeEvent(db, row, {
        type: e.type,
        at: at(e.hours),
        actor: e.by,
        note: e.note ?? null,
        data: e.data,
      } as NewDisputeEvent);
    return row;
  };

  const made = await seedDisputeStories({
    dispute,
    path: (code) => ids.get(code)?.path as string,
    township,
    mingde,
    mediator,
    dispatcher,
    gridWorkerId: user('gridworker').id,
  });
  return { mediationOrganisations: orgs.length, disputes: made };
}
