import {
  type PetitionOpinion,
  type ReviewOutcome,
  type WorkCalendar,
  pathAtLevel,
  petitionLocalDate,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { deliveredOnInvalid, opinionDateInvalid } from './petitions.errors.ts';
import { petitionCentrePath } from './petitions.clocks.ts';
import { regionNamesByPath } from './petitions.read.repository.ts';
import { nextOpinionSerial } from './petitions.repository.ts';

/*
 * The written opinions (处理意见书、复查意见书、复核意见书) as the petition records them: the texts the
 * centre writes, and what the record supplies — the issuing body and its 机关代字 (from the centre's
 * name unless given), the body 复查/复核 may be asked of (the next higher one), the number, the date.
 */

/** The body a region's government is: a 街道's 办事处, else its 人民政府. */
export function governmentOf(regionName: string): string {
  return regionName.endsWith('街道') ? `${regionName}办事处` : `${regionName}人民政府`;
}

/** 机关代字 of a centre: the first two characters of its name and 访 (格物街道 → 格物访). */
export function agencyOf(regionName: string): string {
  const han = [...regionName].filter((c) => /\p{Script=Han}/u.test(c)).slice(0, 2);
  return `${han.join('') || '信'}访`;
}

export interface OpinionDraft {
  facts: string;
  opinion: string;
  basis: string;
  body?: string;
  agency?: string;
  reviewBody?: string;
  date?: string;
  deliveredOn?: string;
  outcome?: ReviewOutcome;
}

/**
 * The opinion to record for a petition concerning `regionPath`: dated the day given (default today; not
 * before the stage began, not after today), received by the petitioner on a day from that date through
 * today (default: the date), with the next body up for the next request (none after 复核).
 */
export async function buildOpinion(
  db: Db,
  regionPath: string,
  draft: OpinionDraft,
  opts: { now: Date; cal: WorkCalendar; since: Date; nextReview: boolean },
): Promise<PetitionOpinion> {
  const today = petitionLocalDate(opts.now, opts.cal);
  const date = draft.date ?? today;
  if (date > today || date < petitionLocalDate(opts.since, opts.cal)) throw opinionDateInvalid();
  const deliveredOn = draft.deliveredOn ?? date;
  if (deliveredOn < date || deliveredOn > today) throw deliveredOnInvalid();
  const centre = petitionCentrePath(regionPath);
  const county = pathAtLevel(centre, 'county');
  const parent = county && county !== centre ? county : (pathAtLevel(centre, 'city') ?? centre);
  const names = await regionNamesByPath(db, [centre, parent]);
  const centreName = names.get(centre) ?? '本';
  return {
    agency: draft.agency ?? agencyOf(centreName),
    serial: await nextOpinionSerial(db),
    body: draft.body ?? governmentOf(centreName),
    reviewBody: opts.nextReview ? (draft.reviewBody ?? governmentOf(names.get(parent) ?? '上一级')) : '',
    facts: draft.facts,
    opinion: draft.opinion,
    basis: draft.basis,
    outcome: draft.outcome ?? null,
    date,
    deliveredOn,
  };
}
