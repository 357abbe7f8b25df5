import { type CaseEventType, TERMINAL_STATES } from '@gewu/domain';
import { type SQL, and, asc, desc, eq, gte, inArray, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inScope } from '../../platform/access.ts';
import { caseEvents, casePublications, cases } from '../cases/cases.table.ts';
import { items } from '../items/items.table.ts';
import { units } from '../units/units.table.ts';

/**
 * Open311's read model: service requests are published cases of items open to public reports, with
 * the name of their item and of the unit handling them, joined in one query.
 */

/**
 * Published cases: the centre's decision where it made one, else the consent given with the report
 * (`isPublished` in @gewu/domain). Every read joins case_publications on the case.
 */
const PUBLISHED: SQL = sql`coalesce(${casePublications.published}, ${cases.publicConsent})`;

const OPEN_SQL = notInArray(cases.state, [...TERMINAL_STATES]);

/** Cases under a jurisdiction's region (everything when there is none). */
const underPath = (path: string | null) => (path ? inScope({ regionPath: path }, cases.regionPath) : undefined);

/** The columns a request is shown with. */
const requestColumns = {
  id: cases.id,
  code: cases.code,
  state: cases.state,
  itemCode: cases.itemCode,
  itemName: items.name,
  itemLimits: items.limits,
  description: cases.description,
  agency: units.name,
  reportedAt: cases.reportedAt,
  updatedAt: cases.updatedAt,
  handleDeadline: cases.handleDeadline,
  stageDeadline: cases.stageDeadline,
  address: cases.address,
  lat: cases.lat,
  lon: cases.lon,
  mediaUrl: cases.mediaUrl,
  channel: cases.channel,
  source: cases.source,
  publicConsent: cases.publicConsent,
  decided: casePublications.published,
  publicDescription: casePublications.publicDescription,
  descriptionHidden: casePublications.descriptionHidden,
};
export type RequestRow = { [K in keyof typeof requestColumns]: unknown } & {
  state: string;
  reportedAt: Date;
  updatedAt: Date;
  handleDeadline: Date | null;
  stageDeadline: Date | null;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  channel: string;
  source: string | null;
  publicConsent: boolean;
  decided: boolean | null;
  publicDescription: string | null;
  descriptionHidden: boolean | null;
};

function requestQuery(db: Db) {
  return db
    .select(requestColumns)
    .from(cases)
    .innerJoin(items, and(eq(items.id, cases.itemId), eq(items.publicReport, true)))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .leftJoin(units, eq(units.id, cases.assigneeUnitId));
}

/** The published requests with these case numbers under `path`, newest first. */
export async function requestsByCodes(db: Db, codes: string[], path: string | null): Promise<RequestRow[]> {
  const rows = await requestQuery(db)
    .where(and(inArray(cases.code, codes), PUBLISHED, underPath(path)))
    .orderBy(desc(cases.reportedAt));
  return rows as RequestRow[];
}

export interface RequestFilter {
  from: Date;
  to: Date;
  /** Item codes (none: every item). */
  codes: string[];
  /** Only open or only closed requests (undefined: both). */
  status: 'open' | 'closed' | undefined;
  path: string | null;
  limit: number;
  offset: number;
}

/** One page of the published requests reported in [from, to] under `path`, newest first. */
export async function requestsInWindow(db: Db, f: RequestFilter): Promise<RequestRow[]> {
  const statusCond =
    f.status === 'open' ? OPEN_SQL : f.status === 'closed' ? inArray(cases.state, [...TERMINAL_STATES]) : undefined;
  const rows = await requestQuery(db)
    .where(
      and(
        gte(cases.reportedAt, f.from),
        lte(cases.reportedAt, f.to),
        f.codes.length ? inArray(cases.itemCode, f.codes) : undefined,
        statusCond,
        PUBLISHED,
        underPath(f.path),
      ),
    )
    .orderBy(desc(cases.reportedAt), desc(cases.code))
    .limit(f.limit)
    .offset(f.offset);
  return rows as RequestRow[];
}

/** The published request with this case number under `path`, or undefined. */
export async function requestByCode(db: Db, code: string, path: string | null): Promise<RequestRow | undefined> {
  const [row] = await requestQuery(db).where(and(eq(cases.code, code), PUBLISHED, underPath(path)));
  return row as RequestRow | undefined;
}

/** The case number of the published request whose case id is `id`, or undefined. */
export async function publishedCodeOfCase(db: Db, id: string, path: string | null): Promise<string | undefined> {
  const [row] = await db
    .select({ code: cases.code })
    .from(cases)
    .innerJoin(items, and(eq(items.id, cases.itemId), eq(items.publicReport, true)))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(and(eq(cases.id, id), PUBLISHED, underPath(path)));
  return row?.code;
}

/** One page of the events of these types of published requests under `path` in [from, to), oldest first. */
export function publicEvents(
  db: Db,
  f: { from: Date; to: Date; types: CaseEventType[]; path: string | null; limit: number; offset: number },
) {
  return db
    .select({ id: caseEvents.id, type: caseEvents.type, at: caseEvents.at, code: cases.code })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(items, and(eq(items.id, cases.itemId), eq(items.publicReport, true)))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(
      and(
        gte(caseEvents.at, f.from),
        lt(caseEvents.at, f.to),
        inArray(caseEvents.type, f.types),
        PUBLISHED,
        underPath(f.path),
      ),
    )
    .orderBy(asc(caseEvents.at), asc(caseEvents.id))
    .limit(f.limit)
    .offset(f.offset);
}
