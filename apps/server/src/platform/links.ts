import type { RecordKind, RecordLink, RecordLinkRelation } from '@gewu/domain';
import type { Db } from '../db/client.ts';
import type { Actor } from './context.ts';

/**
 * Links between records of different modules (a case turned into a dispute, a case filed from a
 * dispute), shown on both records' detail views. Each module registers how one of its records looks
 * from the other side — its code and state, or nothing when the viewer may not see it (its own scope
 * rule) — so a case's view can show its dispute and a dispute's view its case without the two modules
 * importing each other (the disputes module already reads cases).
 */
export interface LinkedRecord {
  id: string;
  code: string;
  state: string;
  stateLabel: string;
}

/** The record as `actor` may see it, or null when it is out of their sight (or gone). */
export type LinkResolver = (db: Db, actor: Actor, id: string) => Promise<LinkedRecord | null>;

const resolvers = new Map<RecordKind, LinkResolver>();

/** Registers how records of `kind` are shown at the other end of a link (once per process, from the owning module). */
export function registerLinkTarget(kind: RecordKind, resolver: LinkResolver): void {
  resolvers.set(kind, resolver);
}

/**
 * The link as the viewer sees it: the other record's id, code and state when they may open it, else
 * only that a link of this kind exists (every other field null).
 */
export async function linkView(
  db: Db,
  actor: Actor,
  relation: RecordLinkRelation,
  kind: RecordKind,
  id: string,
): Promise<RecordLink> {
  const resolve = resolvers.get(kind);
  if (!resolve) throw new Error(`no link target registered for ${kind}`);
  const found = await resolve(db, actor, id);
  return found
    ? {
        relation,
        kind,
        visible: true,
        id: found.id,
        code: found.code,
        state: found.state,
        stateLabel: found.stateLabel,
      }
    : { relation, kind, visible: false, id: null, code: null, state: null, stateLabel: null };
}

/** The links of a record, from the ids it holds (absent ones left out), in the order given. */
export async function linkViews(
  db: Db,
  actor: Actor,
  links: readonly { relation: RecordLinkRelation; kind: RecordKind; id: string | null | undefined }[],
): Promise<RecordLink[]> {
  const present = links.filter((l): l is { relation: RecordLinkRelation; kind: RecordKind; id: string } => !!l.id);
  return Promise.all(present.map((l) => linkView(db, actor, l.relation, l.kind, l.id)));
}

/**
 * Finds the record of `kind` that points at the given record without the latter holding its id (a
 * visit at the centre's window names the case, dispute or petition it opened; those do not name the
 * visit). Returns the pointing record's id, or null.
 */
export type BackLinkFinder = (db: Db, of: { kind: RecordKind; id: string }) => Promise<string | null>;

const backLinkFinders: { relation: RecordLinkRelation; kind: RecordKind; find: BackLinkFinder }[] = [];

/**
 * Registers records of `kind` as pointing at others (once per process, from the owning module, with
 * `registerLinkTarget` for how they show): the record pointed at lists them as `relation` links.
 */
export function registerBackLink(relation: RecordLinkRelation, kind: RecordKind, find: BackLinkFinder): void {
  if (!backLinkFinders.some((b) => b.relation === relation && b.kind === kind))
    backLinkFinders.push({ relation, kind, find });
}

/** The links of the records pointing at this one (registerBackLink), as the viewer may see them (linkView). */
export async function backLinkViews(db: Db, actor: Actor, of: { kind: RecordKind; id: string }): Promise<RecordLink[]> {
  const found = await Promise.all(backLinkFinders.map(async (b) => ({ ...b, id: await b.find(db, of) })));
  return linkViews(db, actor, found);
}
