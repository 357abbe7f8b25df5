import {
  CASE_LEVELS,
  HANDLED_STATES,
  HOLDING_STATES,
  ACTION_LABELS,
  CLAIM_EXPIRED_LABEL,
  DUPLICATE_RULE,
  type CaseEventType,
  type CaseLevel,
  type CaseQueueQuery,
  type CaseSummary,
  availableActions,
  reporterView,
} from '@gewu/domain';
import { type SQL, and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { lightIsSql } from '../../platform/clocks/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { inScope, requireActor } from '../../platform/access.ts';
import { unitNames } from '../units/units.repository.ts';
import { userName } from '../users/users.repository.ts';
import { apiKeyName } from '../apikeys/apikeys.repository.ts';
import { itemByCode } from './cases.intake.ts';
import { andAll, caseFacts, levelRank, relationsTo, tierOf, visibleCases } from './cases.policy.ts';
import { coUnitsOf, findCase, listEvents } from './cases.repository.ts';
import { visibleCase } from './cases.actions.ts';
import { linkViews } from '../../platform/links.ts';
import './cases.links.ts';
import { publicationDecision, publicationView } from './cases.publication.ts';
import { STAGE_CLOCK, type SummaryRow, likelyDuplicateCounts, summaryQuery } from './cases.read.repository.ts';
import { cases } from './cases.table.ts';

export type QueryDeps = { db: Db; clock: Clock };

export function toSummary(r: SummaryRow): CaseSummary {
  const c = r.c;
  return {
    id: c.id,
    code: c.code,
    itemCode: c.itemCode,
    itemName: r.itemName ?? c.itemCode,
    state: c.state as CaseSummary['state'],
    level: c.level as CaseLevel,
    channel: c.channel as CaseSummary['channel'],
    description: c.description,
    address: c.address,
    lon: c.lon,
    lat: c.lat,
    gridId: c.gridId,
    gridName: r.gridName,
    regionPath: c.regionPath,
    assigneeUnitId: c.assigneeUnitId,
    assigneeUnitName: r.unitName,
    assigneeUserId: c.assigneeUserId,
    assigneeUserName: r.userName,
    stage: c.stage,
    stageDeadline: c.stageDeadline?.toISOString() ?? null,
    light: r.light,
    supervision: c.supervision,
    rectifyBy: c.rectifyBy?.toISOString() ?? null,
    pendingKind: (c.pending?.kind as string | undefined) ?? null,
    rating: c.rating as CaseSummary['rating'],
    reportedAt: c.reportedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** The lists: the centre's queue, a unit's or grid worker's tasks, things to verify, my reports, supervision, all. */
/**
 * The search box: a full case number (15 digits) finds that case through its unique index; any
 * other text matches the case number or a part of the description (a scan bounded by the other filters).
 */
function searchCond(text: string): SQL {
  if (CASE_CODE.test(text)) return eq(cases.code, text);
  return or(
    eq(cases.code, text),
    sql`${cases.description} ILIKE ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  ) as SQL;
}
const CASE_CODE = /^\d{15}$/;

export async function listCases(deps: QueryDeps, ctx: RequestContext, q: CaseQueueQuery) {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const lvl = levelRank(tierOf(actor));
  const levelsAtOrBelow = CASE_LEVELS.filter((l) => levelRank(l) <= lvl);
  const mine = [
    eq(cases.assigneeUserId, actor.id),
    ...(actor.unitId
      ? [
          eq(cases.assigneeUnitId, actor.unitId),
          sql`EXISTS (SELECT 1 FROM case_units cu WHERE cu.case_id = ${cases.id} AND cu.unit_id = ${actor.unitId})`,
        ]
      : []),
  ];
  const viewCond: Record<CaseQueueQuery['view'], SQL | undefined> = {
    queue: and(
      inScope(actor, cases.regionPath),
      inArray(cases.level, levelsAtOrBelow),
      or(
        inArray(cases.state, ['reported', 'accepted', 'verified']),
        isNotNull(cases.pending),
        and(eq(cases.state, 'fed_back'), isNull(cases.verifierUserId)),
      ),
    ),
    tasks: and(or(...mine), inArray(cases.state, HOLDING_STATES)),
    handled: and(or(...mine), inArray(cases.state, HANDLED_STATES)),
    verify: and(eq(cases.verifierUserId, actor.id), eq(cases.state, 'fed_back')),
    mine: eq(cases.reporterUserId, actor.id),
    supervision: and(inScope(actor, cases.regionPath), isNotNull(cases.stage)),
    all: undefined,
  };
  const states = q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state];
  const where = andAll(
    visibleCases(actor),
    viewCond[q.view],
    states ? inArray(cases.state, states) : undefined,
    q.itemCode
      ? q.itemCode.length === 5
        ? eq(cases.itemCode, q.itemCode)
        : like(cases.itemCode, `${q.itemCode}%`)
      : undefined,
    q.light ? and(isNotNull(cases.stage), lightIsSql(q.light, STAGE_CLOCK, now)) : undefined,
    q.gridId ? eq(cases.gridId, q.gridId) : undefined,
    q.q ? searchCond(q.q) : undefined,
    // 待评价: closed and not rated yet (the reporter's own, in the mine view).
    q.awaiting === 'rating' ? and(eq(cases.state, 'closed'), isNull(cases.rating)) : undefined,
  );
  const order =
    q.view === 'supervision'
      ? [asc(cases.stageDeadline)]
      : q.sort === 'deadline_asc'
        ? [sql`${cases.stageDeadline} ASC NULLS LAST`, desc(cases.reportedAt)]
        : q.sort === 'reported_asc'
          ? [asc(cases.reportedAt)]
          : [desc(cases.reportedAt)];
  const rows = await summaryQuery(deps.db, now)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // Counting a million rows for a pager is wasteful: count up to a cap, in the page's own order so the
  // same index serves it, and say "1,000+".
  const cap = 1_000;
  const counted = await deps.db.execute(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${cases} WHERE ${where} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${cap + 1}) x`,
  );
  const n = ((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) as number;
  // The centre's queue shows each row's likely duplicates (疑似重复): counted for this page's rows only.
  const dupes =
    q.view === 'queue' && rows.length
      ? await likelyDuplicateCounts(
          deps.db,
          rows.map((r) => r.c.id),
          visibleCases(actor),
        )
      : null;
  return {
    items: rows.map((r) => (dupes ? { ...toSummary(r), likelyDuplicates: dupes.get(r.c.id) ?? 0 } : toSummary(r))),
    total: Math.min(n, cap),
    totalCapped: n > cap,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One case with its timeline, co-handling units and the actions the actor may take now. */
export async function getCaseDetail(
  deps: QueryDeps,
  ctx: RequestContext,
  id: string,
  opts: { justActed?: boolean } = {},
) {
  const actor = requireActor(ctx);
  // Right after acting, the actor may have handed the case out of their sight (a return, an escalation):
  // they still get its new state once, with no further actions.
  const row = opts.justActed
    ? ((await findCase(deps.db, id)) ?? (await visibleCase(deps.db, ctx, id)))
    : await visibleCase(deps.db, ctx, id);
  const now = deps.clock.now();
  const [summary] = await summaryQuery(deps.db, now).where(eq(cases.id, row.id));
  const staff = !actor.roles.every((r) => r === 'resident');
  const [events, co, decision, item, firstContact, clientName, links] = await Promise.all([
    listEvents(deps.db, row.id),
    coUnitsOf(deps.db, row.id),
    publicationDecision(deps.db, row.id),
    itemByCode(deps, row.itemCode).catch(() => null),
    row.firstContactUserId ? userName(deps.db, row.firstContactUserId) : null,
    staff && row.reporterApiKeyId ? apiKeyName(deps.db, row.reporterApiKeyId) : null,
    linkViews(deps.db, actor, [
      { relation: 'converted_to', kind: 'dispute', id: row.convertedDisputeId },
      { relation: 'referred_from', kind: 'dispute', id: row.sourceDisputeId },
    ]),
  ]);
  const coNames = co.length
    ? await unitNames(
        deps.db,
        co.map((u) => u.unitId),
      )
    : [];
  const relations = relationsTo(
    actor,
    row,
    co.map((u) => u.unitId),
  );
  const reportEvent = events.find((e) => e.type === 'report');
  const linkShown = links.some((l) => l.relation === 'converted_to' && l.visible);
  // Who reported, and who acted, as this viewer may see it (anonymous reports name nobody but to their reporter).
  const who = reporterView(
    { id: actor.id, resident: actor.roles.every((r) => r === 'resident'), centre: relations.includes('centre') },
    row,
  );
  return {
    ...toSummary(summary as SummaryRow),
    anonymous: row.anonymous,
    reporterName: who.reporterName,
    reporterPhoneMasked: who.reporterPhoneMasked,
    verifierUserId: row.verifierUserId,
    handleDeadline: row.handleDeadline?.toISOString() ?? null,
    coUnits: co.map((u) => ({
      unitId: u.unitId,
      name: coNames.find((n) => n.id === u.unitId)?.name ?? '',
      fedBackAt: u.fedBackAt?.toISOString() ?? null,
    })),
    counters: {
      dispatch: row.dispatchCount,
      return: row.returnCount,
      rework: row.reworkCount,
      escalation: row.escalationCount,
      reopen: row.reopenCount,
    },
    resolved: row.resolved,
    closedAt: row.closedAt?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
    selfHandled: row.selfHandled,
    // 首接负责制: the staff member who first took the matter and keeps the reporter informed (staff only).
    firstContact: relations.length && !actor.roles.every((r) => r === 'resident') ? firstContact : null,
    conditions: item ? { filing: item.filingCondition, closing: item.closingCondition } : null,
    attachmentIds: reportEvent?.attachmentIds ?? [],
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      // A claim released on its clock (认领时限) is an unclaim without an actor: shown as such.
      label:
        e.type === 'unclaim' && (e.data as { expired?: boolean }).expired
          ? CLAIM_EXPIRED_LABEL
          : (ACTION_LABELS[e.type as CaseEventType] ?? e.type),
      at: e.at.toISOString(),
      actorName: who.actorName(e),
      note: e.note,
      attachmentIds: e.attachmentIds,
      data: publicEventData(e.type, e.data as Record<string, unknown>, linkShown),
    })),
    actions: availableActions(caseFacts(row), relations),
    publication: publicationView(row, decision),
    // The channel's details (the client system's key name, its photo link) are the staff's working facts.
    origin: staff ? { source: row.source, clientName, mediaUrl: row.mediaUrl } : null,
    links,
  };
}

/**
 * Event data safe to show: the report's encrypted phone and keys stay on the server, and the dispute
 * a case became is named only to those who may open it (as its link is).
 */
function publicEventData(type: string, d: Record<string, unknown>, linkShown: boolean): Record<string, unknown> {
  const { report: _report, ...rest } = d;
  if (type === 'convert_to_dispute' && !linkShown) return {};
  return rest;
}

/** Possible duplicates (并案) by DUPLICATE_RULE: same item, within 50 m, reported at most 7 days before, not this case. */
export async function nearbyDuplicates(deps: QueryDeps, ctx: RequestContext, id: string) {
  const row = await visibleCase(deps.db, ctx, id);
  if (row.lon === null || row.lat === null) return { items: [] };
  const actor = requireActor(ctx);
  const since = new Date(row.reportedAt.getTime() - DUPLICATE_RULE.windowDays * 86_400_000);
  // The radius as degrees: latitude exactly, longitude scaled by cos(lat); then the exact distance below.
  const dLat = DUPLICATE_RULE.radiusM / 111_320;
  const dLon = dLat / Math.cos((row.lat * Math.PI) / 180);
  const rows = await summaryQuery(deps.db, deps.clock.now())
    .where(
      and(
        visibleCases(actor),
        eq(cases.itemId, row.itemId),
        gte(cases.reportedAt, since),
        sql`${cases.id} <> ${row.id}`,
        sql`${cases.lon} BETWEEN ${row.lon - dLon} AND ${row.lon + dLon}`,
        sql`${cases.lat} BETWEEN ${row.lat - dLat} AND ${row.lat + dLat}`,
        inArray(cases.state, [...DUPLICATE_RULE.states]),
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(20);
  return {
    items: rows
      .map((r) => ({
        ...toSummary(r as SummaryRow),
        distanceM: Math.round(metres(row.lon as number, row.lat as number, r.c.lon as number, r.c.lat as number)),
      }))
      .filter((r) => r.distanceM <= DUPLICATE_RULE.radiusM),
  };
}

function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}
