import { randomUUID } from 'node:crypto';
import {
  type PetitionLimits,
  type PetitionRegistration,
  type RefilingBar,
  type RegisterPetitionInput,
  isBarredRefiling,
  isCollectiveVisit,
  petitionClockRecord,
  petitionSubjectKey,
  registerPetitionBodySchema,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, isInScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';
import {
  petitionRegionInvalid,
  registrationInvalid,
  petitionerInvalid,
  receivedInFuture,
  repeatOfInvalid,
} from './petitions.errors.ts';
import { loadPetition } from './petitions.access.ts';
import { protectPetitioner } from './petitions.petitioners.ts';
import {
  type PetitionRow,
  appendPetitionEvent,
  insertPetitioners,
  nextPetitionCode,
  priorPetitions,
} from './petitions.repository.ts';

export type PetitionRegisterDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_PETITION_LIMITS: PetitionLimits };
};

/** YYYYMMDD in China time, for petition codes. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

/** Where the matter is: a village/community, township or county in the actor's area. */
async function placeOf(db: Db, actor: Actor, regionId: string) {
  const region = await findRegionInScope(db, actor, regionId);
  if (!region || !['village', 'township', 'county'].includes(region.level)) throw petitionRegionInvalid();
  return region;
}

/**
 * 登记: the centre registers a petition (a letter, a visit, an online or a phone petition) once — the
 * matter, the body complained about and its object, the petitioners (protected as residents' data), how
 * many came (a visit of five or more is a 集体访) — and starts the 15-day intake clock from its receipt.
 * A repeat on the same matter is linked to the earlier petition (named by staff, or found: the same
 * petitioner on the same subject); a refiling after 复核 on the same facts and reasons is detected and
 * its refusal proposed (isBarredRefiling) — staff confirm it at intake.
 *
 * A plain service: the reception desk (综治中心窗口) calls it inside its own flow. It validates its input
 * (400 `petition.registration_invalid` when called with input the HTTP schema did not check), writes in one transaction (a savepoint inside the caller's), and returns the row.
 */
export async function registerPetition(
  deps: PetitionRegisterDeps,
  ctx: RequestContext,
  input: RegisterPetitionInput,
): Promise<PetitionRow> {
  const actor = authorize(ctx, 'petition.centre');
  const parsed = registerPetitionBodySchema.safeParse(input);
  if (!parsed.success)
    throw registrationInvalid(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  const body = parsed.data;
  const now = deps.clock.now();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt > now) throw receivedInFuture();
  const errors: { path: string; message: string }[] = [];
  const people = body.petitioners.map((p, i) => protectPetitioner(deps, p, errors, `petitioners.${i}.`));
  if (errors.length) throw petitionerInvalid(errors);

  const region = await placeOf(deps.db, actor, body.regionId);
  const repeatOf = body.repeatOfId
    ? await loadPetition(deps.db, actor, body.repeatOfId).catch(() => Promise.reject(repeatOfInvalid()))
    : null;
  const subjectKey = petitionSubjectKey({
    respondent: body.respondent,
    matterType: body.matterType,
    object: body.subjectObject,
  });
  const idHashes = [...new Set(people.map((p) => p.idHash).filter((h): h is string => !!h))];
  // The history the actor may see: a refiling is found among the petitions of their own area.
  const history = (await priorPetitions(deps.db, idHashes, subjectKey)).filter((h) =>
    isInScope(actor.regionPath, h.regionPath),
  );
  // Not named by staff: the latest earlier petition of one of these petitioners on the same subject.
  const found = subjectKey
    ? history
        .filter((h) => h.subjectKey === subjectKey && h.petitionerIdHashes.some((x) => idHashes.includes(x)))
        .at(-1)
    : undefined;
  const earlier = repeatOf ?? (found ? { id: found.id, matterId: found.matterId } : null);
  const id = randomUUID();
  const matterId = earlier?.matterId ?? id;
  const check = isBarredRefiling(
    { petitionerIdHashes: idHashes, matterId, subjectKey, receivedAt, newFactsOrReasons: body.newFactsOrReasons },
    history,
  );
  const refilingBar: RefilingBar | null = check.barred
    ? {
        priorPetitionId: check.priorPetitionId,
        priorCode: history.find((h) => h.id === check.priorPetitionId)?.code ?? '',
        matchedBy: check.matchedBy,
        reexaminationDecidedAt: check.reexaminationDecidedAt.toISOString(),
      }
    : null;

  const cal = await getWorkCalendar(deps);
  const clock = petitionClockRecord('intake', receivedAt, cal, { limits: deps.config.GEWU_PETITION_LIMITS });
  try {
    return await deps.db.transaction(async (tx) => {
      const petition: PetitionRegistration = {
        id,
        code: await nextPetitionCode(tx, chinaDay(now)),
        channel: body.channel,
        regionPath: region.path,
        summary: body.summary,
        matterType: body.matterType,
        respondent: body.respondent,
        subjectObject: body.subjectObject,
        subjectKey,
        matterId,
        repeatOfId: earlier?.id ?? null,
        headcount: body.headcount,
        collective: isCollectiveVisit(body.channel, body.headcount),
        receivedAt: receivedAt.toISOString(),
        registeredBy: actor.id,
        receiptNo: body.receiptNo ?? null,
        newFactsOrReasons: body.newFactsOrReasons,
        refilingBar,
      };
      const row = await appendPetitionEvent(tx, null, {
        type: 'register',
        at: now,
        actor: { id: actor.id, name: actor.displayName },
        data: { petition, clock },
      });
      await insertPetitioners(
        tx,
        people.map((p, ordinal) => ({ ...p, petitionId: row.id, ordinal, createdAt: now })),
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: 'petition.register',
        targetType: 'petition',
        targetId: row.id,
        regionPath: row.regionPath,
        detail: {
          code: row.code,
          channel: row.channel,
          petitioners: people.length,
          collective: row.collective,
          repeatOf: row.repeatOfId,
          refilingProposed: refilingBar !== null,
        },
      });
      return row;
    });
  } finally {
    wakeStreams();
  }
}
