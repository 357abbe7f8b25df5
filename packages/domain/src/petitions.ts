import { z } from 'zod';
import { isValidLocalDate, isWorkingDay, localDateOf, warningAt, type WorkCalendar } from './calendar.ts';
import { text } from './text.ts';

/*
 * Petitions (信访): the statutory rules, in one place, as pure functions and data. Every module that
 * registers, routes, handles or reviews a petition reads them from here; none restates a figure.
 *
 * The source of each figure is 《信访工作条例》 (中共中央、国务院, 2022, effective 2022-05-01).
 * Only art. 22's wording was checked against the text; the other figures were checked against
 * official paraphrases (官方释义), so their sources say "据官方释义，条文待核" and give no article
 * number. Replace the wording (and add the article) once it has been checked against the text.
 *
 * Day counting follows 《中华人民共和国民法典》 arts. 200–204 (期间的计算), see `statutoryDeadline`.
 */

/** Marks a source checked against an official paraphrase, not against the article text. */
export const PETITION_SOURCE_PENDING = '据官方释义，条文待核';

/** 自然日 by default; a province's rules may count a limit in 工作日 instead. */
export const PETITION_LIMIT_UNITS = ['natural_days', 'work_days'] as const;
export const petitionLimitUnitSchema = z.enum(PETITION_LIMIT_UNITS);
export type PetitionLimitUnit = z.infer<typeof petitionLimitUnitSchema>;

/** A statutory limit as data: how many days, which kind of day, and where the figure comes from. */
export interface PetitionLimit {
  amount: number;
  unit: PetitionLimitUnit;
  /** The article text (or, marked with PETITION_SOURCE_PENDING, the paraphrase) the figure rests on. */
  source: string;
}

/**
 * The limits, by key:
 * - intake: register and route (受理/不予受理/转送) within 15 days of receiving the petition;
 * - handling: handle (办结) within 60 days of acceptance;
 * - extension: the handling limit may be extended by at most 30 days (approval; reason told to the petitioner);
 * - reviewRequest: 复查 may be requested within 30 days of receiving the written reply;
 * - reviewDecision: the 复查 opinion within 30 days of receiving the request;
 * - reexaminationRequest: 复核 may be requested within 30 days of receiving the 复查 opinion;
 * - reexaminationDecision: the 复核 opinion within 30 days of receiving the request.
 */
export const PETITION_LIMIT_KEYS = [
  'intake',
  'handling',
  'extension',
  'reviewRequest',
  'reviewDecision',
  'reexaminationRequest',
  'reexaminationDecision',
] as const;
export type PetitionLimitKey = (typeof PETITION_LIMIT_KEYS)[number];

export type PetitionLimits = Readonly<Record<PetitionLimitKey, Readonly<PetitionLimit>>>;

const REGULATION = '《信访工作条例》（2022）';

/** The national limits (全国统一时限). A province's rules may override them: `petitionLimitOverridesSchema`. */
export const PETITION_LIMITS: PetitionLimits = Object.freeze({
  intake: Object.freeze({
    amount: 15,
    unit: 'natural_days',
    source: `${REGULATION}第二十二条：“收到信访事项，应当予以登记，并区分情况，在15日内分别按照下列方式处理”`,
  }),
  handling: Object.freeze({
    amount: 60,
    unit: 'natural_days',
    source: `${REGULATION}：信访事项应当自受理之日起60日内办结（${PETITION_SOURCE_PENDING}）`,
  }),
  extension: Object.freeze({
    amount: 30,
    unit: 'natural_days',
    source: `${REGULATION}：情况复杂的，经本机关、单位负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由（${PETITION_SOURCE_PENDING}）`,
  }),
  reviewRequest: Object.freeze({
    amount: 30,
    unit: 'natural_days',
    source: `${REGULATION}：信访人对处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关、单位的上一级机关、单位复查（${PETITION_SOURCE_PENDING}）`,
  }),
  reviewDecision: Object.freeze({
    amount: 30,
    unit: 'natural_days',
    source: `${REGULATION}：收到复查请求的机关、单位应当自收到复查请求之日起30日内提出复查意见，并予以书面答复（${PETITION_SOURCE_PENDING}）`,
  }),
  reexaminationRequest: Object.freeze({
    amount: 30,
    unit: 'natural_days',
    source: `${REGULATION}：信访人对复查意见不服的，可以自收到书面答复之日起30日内向复查机关、单位的上一级机关、单位请求复核（${PETITION_SOURCE_PENDING}）`,
  }),
  reexaminationDecision: Object.freeze({
    amount: 30,
    unit: 'natural_days',
    source: `${REGULATION}：收到复核请求的机关、单位应当自收到复核请求之日起30日内提出复核意见；听证所需时间不计算在期限内（${PETITION_SOURCE_PENDING}）`,
  }),
});

/** Chinese names of the limits, for validation messages. */
const LIMIT_NAMES: Record<PetitionLimitKey, string> = {
  intake: '受理（登记转送）时限',
  handling: '办理时限',
  extension: '延长办理期限',
  reviewRequest: '复查申请期限',
  reviewDecision: '复查办理时限',
  reexaminationRequest: '复核申请期限',
  reexaminationDecision: '复核办理时限',
};

/**
 * The clocks a petition runs and the event that starts each: the limit's day count begins the day
 * after that event's date (民法典 art. 201). The extension is not a clock of its own: it lengthens `handling`.
 */
export const PETITION_CLOCK_STARTS = {
  intake: 'petition_received',
  handling: 'petition_accepted',
  reviewRequest: 'reply_received',
  reviewDecision: 'review_request_received',
  reexaminationRequest: 'review_opinion_received',
  reexaminationDecision: 'reexamination_request_received',
} as const satisfies Record<Exclude<PetitionLimitKey, 'extension'>, string>;
export type PetitionClockKey = keyof typeof PETITION_CLOCK_STARTS;

/**
 * A province's override of one limit. Sane bounds: a whole number of days from 1 up to the national
 * figure — a province may shorten a limit or count it in working days, never raise the number of
 * days (so an extension of 31 days is refused). The source (the provincial article) is required.
 */
export function petitionLimitOverrideSchema(key: PetitionLimitKey) {
  const max = PETITION_LIMITS[key].amount;
  const name = LIMIT_NAMES[key];
  return z.strictObject({
    amount: z
      .number({ message: `${name}应为天数` })
      .int(`${name}应为整数天`)
      .min(1, `${name}至少 1 日`)
      .max(max, `${name}不得超过 ${max} 日`),
    unit: petitionLimitUnitSchema,
    source: text(2, 500),
  });
}

const overrideShape = Object.fromEntries(
  PETITION_LIMIT_KEYS.map((key) => [key, petitionLimitOverrideSchema(key).optional()]),
) as { [K in PetitionLimitKey]: z.ZodOptional<ReturnType<typeof petitionLimitOverrideSchema>> };

/**
 * A province's overrides, key by key (absent keys keep the national limit). The extension is counted
 * in the handling limit's unit (it lengthens that limit), so the two units must agree once merged.
 */
export const petitionLimitOverridesSchema = z.strictObject(overrideShape).superRefine((overrides, ctx) => {
  const handlingUnit = overrides.handling?.unit ?? PETITION_LIMITS.handling.unit;
  const extensionUnit = overrides.extension?.unit ?? PETITION_LIMITS.extension.unit;
  if (handlingUnit !== extensionUnit)
    ctx.addIssue({
      code: 'custom',
      path: [overrides.extension ? 'extension' : 'handling', 'unit'],
      message: '延长办理期限与办理时限应采用同一计日方式（自然日或工作日）',
    });
});
export type PetitionLimitOverrides = z.infer<typeof petitionLimitOverridesSchema>;

/** The limits in force: the national ones with a province's (validated) overrides on top. */
export function petitionLimits(overrides: PetitionLimitOverrides = {}): PetitionLimits {
  const valid = petitionLimitOverridesSchema.parse(overrides);
  return Object.freeze(
    Object.fromEntries(
      PETITION_LIMIT_KEYS.map((key) => [key, Object.freeze({ ...(valid[key] ?? PETITION_LIMITS[key]) })]),
    ),
  ) as PetitionLimits;
}

/* ------------------------------------------------------------------------------------------------ */
/* Statutory day counting (期间计算)                                                                 */
/* ------------------------------------------------------------------------------------------------ */

const DAY_MS = 86_400_000;
const MAX_SCAN_DAYS = 3660;
/** Longest statutory count accepted, in days (a limit plus its extension stays far below). */
const MAX_STATUTORY_DAYS = 365;

/** A local date 'YYYY-MM-DD' (China time under the default calendar), or an instant. */
export type PetitionDateInput = Date | string;

/** When a limit ends: its last day (local date) and the instant that day ends (24:00 local). */
export interface StatutoryDeadline {
  /** The period's last day, 'YYYY-MM-DD' in the calendar's local time (China time: UTC+8). */
  lastDay: string;
  /** 24:00 of the last day, i.e. 00:00 local of the day after: the period ends there. */
  deadline: Date;
}

/** A hearing (听证), from its start to its end (end after start). */
export interface HearingInterval {
  start: Date;
  end: Date;
}

/** Day number (days since 1970-01-01) of a local date. */
function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}
function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local day number of an instant or a local date, under the calendar's offset. */
function localDayOf(input: PetitionDateInput, cal: WorkCalendar, what: string): number {
  if (typeof input === 'string') {
    if (!isValidLocalDate(input)) throw new RangeError(`${what} is not a valid YYYY-MM-DD date: ${input}`);
    return dayOf(input);
  }
  if (!Number.isFinite(input.getTime())) throw new RangeError(`${what} is an invalid Date`);
  return dayOf(localDateOf(input, cal));
}

function checkLimit(limit: Pick<PetitionLimit, 'amount' | 'unit'>): void {
  if (!Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > MAX_STATUTORY_DAYS)
    throw new RangeError(
      `a statutory limit is a whole number of days from 1 to ${MAX_STATUTORY_DAYS}: ${limit.amount}`,
    );
  if (!PETITION_LIMIT_UNITS.includes(limit.unit)) throw new RangeError(`unknown limit unit: ${String(limit.unit)}`);
}

/**
 * The counting itself, on day numbers. `excluded` are days that do not count (hearing days).
 *
 * - natural_days: the start day is not counted (民法典 art. 201: "开始的当日不计入，自下一日开始计算");
 *   the Nth counted day is the last day; if it is a rest day, the last day becomes the day after the
 *   rest ends (art. 203: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日").
 *   法定休假日 is read as the calendar's rest days: statutory holidays and weekly rest days (公休日),
 *   while a 调休上班日 (a weekend made a working day) is not one.
 * - work_days: the start day is not counted; only working days of the calendar count, so the last
 *   day is always a working day.
 * - Either way the period ends at 24:00 of its last day (art. 203: "期间的最后一日的截止时间为二十四时").
 */
function countStatutoryDays(
  startDay: number,
  limit: Pick<PetitionLimit, 'amount' | 'unit'>,
  cal: WorkCalendar,
  excluded: ReadonlySet<number>,
): StatutoryDeadline {
  checkLimit(limit);
  const works = (day: number) => isWorkingDay(dateOf(day), cal);
  const counts = (day: number) => !excluded.has(day) && (limit.unit === 'natural_days' || works(day));
  const stop = startDay + MAX_SCAN_DAYS;
  let day = startDay;
  let counted = 0;
  while (counted < limit.amount) {
    if (++day > stop) throw new RangeError(`no end of the period within ${MAX_SCAN_DAYS} days`);
    if (counts(day)) counted++;
  }
  // Art. 203: a last day that is a rest day moves to the day after the rest (a hearing day does not count either).
  while (!works(day) || excluded.has(day)) {
    if (++day > stop) throw new RangeError(`calendar has no working day within ${MAX_SCAN_DAYS} days`);
  }
  return {
    lastDay: dateOf(day),
    deadline: new Date((day + 1) * DAY_MS - cal.utcOffsetMinutes * 60_000),
  };
}

/**
 * The statutory deadline of `limit` counted from `start` (an instant, or the local date of the event),
 * by 《民法典》 arts. 201 and 203:
 *
 * - art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算" — whatever the hour of `start`,
 *   day 1 is the next local day;
 * - art. 203: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。期间的最后一日的
 *   截止时间为二十四时" — a last day on a rest day of the calendar moves to the first working day after
 *   it, and the period ends at 24:00 of the last day;
 * - local dates are China time (Asia/Shanghai, UTC+8) through the calendar's fixed offset, so a letter
 *   received at 00:30 Beijing time (16:30 UTC the day before) counts from the next Beijing day.
 *
 * work_days limits count only the calendar's working days (the start day is still not counted).
 */
export function statutoryDeadline(
  start: PetitionDateInput,
  limit: Pick<PetitionLimit, 'amount' | 'unit'>,
  cal: WorkCalendar,
): StatutoryDeadline {
  return countStatutoryDays(localDayOf(start, cal, 'start'), limit, cal, new Set());
}

/** The local days a hearing touches: from its start's date through the date of the instant just before its end. */
function hearingDays(hearings: readonly HearingInterval[], cal: WorkCalendar): Set<number> {
  const days = new Set<number>();
  for (const [i, h] of hearings.entries()) {
    const s = h.start.getTime();
    const e = h.end.getTime();
    if (!Number.isFinite(s) || !Number.isFinite(e)) throw new RangeError(`hearing ${i} has an invalid Date`);
    if (e <= s) throw new RangeError(`hearing ${i} ends before it starts`);
    const first = localDayOf(h.start, cal, 'hearing start');
    const last = localDayOf(new Date(e - 1), cal, 'hearing end');
    if (last - first > MAX_SCAN_DAYS) throw new RangeError(`hearing ${i} lasts more than ${MAX_SCAN_DAYS} days`);
    for (let day = first; day <= last; day++) days.add(day);
  }
  return days;
}

/** A deadline with hearing time left out, and which hearing days moved it. */
export interface DeadlineExcludingHearings extends StatutoryDeadline {
  /** The hearing days inside the counted period (after the start day, up to the last day), 'YYYY-MM-DD'. */
  excludedDays: string[];
}

/**
 * The statutory deadline with hearing (听证) time not counted ("听证所需时间不计算在期限内", see
 * PETITION_LIMITS.reexaminationDecision).
 *
 * Partial days: periods are counted in whole days (民法典 arts. 200–201), so a day on which a hearing
 * is held — for any part of it, in local time — is a hearing day and is not counted at all: a hearing
 * 14:00–16:30 moves the deadline by one day, one from 20:00 to 01:00 the next morning by two, and one
 * ending at 00:00 sharp does not touch the day that starts then. Each day counts once however many
 * hearings it holds. Hearing days on or before the start day (which is never counted) or after the
 * last day change nothing; a hearing day that the moved deadline reaches is skipped too. For
 * work_days limits a hearing on a rest day changes nothing (that day did not count anyway); for
 * natural_days it does. The rest-day rule of art. 203 applies to the resulting last day.
 */
export function statutoryDeadlineExcludingHearings(
  start: PetitionDateInput,
  limit: Pick<PetitionLimit, 'amount' | 'unit'>,
  hearings: readonly HearingInterval[],
  cal: WorkCalendar,
): DeadlineExcludingHearings {
  const startDay = localDayOf(start, cal, 'start');
  const excluded = hearingDays(hearings, cal);
  const result = countStatutoryDays(startDay, limit, cal, excluded);
  const lastDay = dayOf(result.lastDay);
  const excludedDays = [...excluded]
    .filter((d) => d > startDay && d <= lastDay)
    .sort((a, b) => a - b)
    .map(dateOf);
  return { ...result, excludedDays };
}

/** Options of a petition clock: the limits in force, hearings held, an approved extension (handling only). */
export interface PetitionClockOptions {
  limits?: PetitionLimits;
  hearings?: readonly HearingInterval[];
  /** Days of an approved extension; only for `handling`, at most `limits.extension.amount`. */
  extensionDays?: number;
}

/**
 * The limit a petition clock runs on. An extension lengthens the handling limit itself — 60 + N days
 * counted from acceptance — so the rest-day shift of art. 203 applies once, to the final last day,
 * not first to day 60 and again to the extension.
 */
export function petitionClockLimit(
  key: PetitionClockKey,
  opts: Pick<PetitionClockOptions, 'limits' | 'extensionDays'> = {},
): Pick<PetitionLimit, 'amount' | 'unit'> {
  const limits = opts.limits ?? PETITION_LIMITS;
  const limit = limits[key];
  const ext = opts.extensionDays;
  if (ext === undefined || ext === 0) return { amount: limit.amount, unit: limit.unit };
  if (key !== 'handling') throw new RangeError(`only the handling limit can be extended, not ${key}`);
  const max = limits.extension.amount;
  if (!Number.isInteger(ext) || ext < 1 || ext > max)
    throw new RangeError(`an extension is a whole number of days from 1 to ${max}: ${ext}`);
  if (limits.extension.unit !== limit.unit) throw new RangeError('the extension and handling limits differ in unit');
  return { amount: limit.amount + ext, unit: limit.unit };
}

/** The deadline of one of a petition's clocks, with hearings and an extension taken into account. */
export function petitionDeadline(
  key: PetitionClockKey,
  start: PetitionDateInput,
  cal: WorkCalendar,
  opts: PetitionClockOptions = {},
): DeadlineExcludingHearings {
  return statutoryDeadlineExcludingHearings(start, petitionClockLimit(key, opts), opts.hearings ?? [], cal);
}

/** A running petition clock: its deadline and the yellow light's instant, for `lightAt` (calendar.ts). */
export interface PetitionClock extends DeadlineExcludingHearings {
  startedAt: Date;
  warnAt: Date;
}

/**
 * A petition clock started at `start`: the statutory deadline, and the yellow light by the shared light
 * rule (`warningAt` — WARNING_FRACTION of the window, in the limit's own kind of time). Read its light
 * with `lightAt(clock, now)`.
 */
export function petitionClock(
  key: PetitionClockKey,
  start: Date,
  cal: WorkCalendar,
  opts: PetitionClockOptions = {},
): PetitionClock {
  const result = petitionDeadline(key, start, cal, opts);
  const unit = petitionClockLimit(key, opts).unit;
  return { ...result, startedAt: start, warnAt: warningAt(start, result.deadline, unit, cal) };
}

/* ------------------------------------------------------------------------------------------------ */
/* Extension (延期)                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

/**
 * An extension request: the days (at most the extension limit in force) and the reason, which is
 * told to the petitioner. The approval is the approving actor's act, recorded by the server.
 */
export function petitionExtensionSchema(limits: PetitionLimits = PETITION_LIMITS) {
  const max = limits.extension.amount;
  return z.strictObject({
    days: z
      .number({ message: '延长天数应为数字' })
      .int('延长天数应为整数')
      .min(1, '延长天数至少 1 日')
      .max(max, `延长办理期限不得超过 ${max} 日`),
    reason: text(2, 500),
  });
}
export type PetitionExtension = z.infer<ReturnType<typeof petitionExtensionSchema>>;

/* ------------------------------------------------------------------------------------------------ */
/* 复查 / 复核 request windows                                                                       */
/* ------------------------------------------------------------------------------------------------ */

/** 复查 (review by the next level up) and 复核 (re-examination by the level above that). */
export const REVIEW_STAGES = ['review', 'reexamination'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

const WINDOW_LIMIT: Record<ReviewStage, 'reviewRequest' | 'reexaminationRequest'> = {
  review: 'reviewRequest',
  reexamination: 'reexaminationRequest',
};

export interface ReviewWindow extends StatutoryDeadline {
  stage: ReviewStage;
  /**
   * within: the request date is from the receipt date through the last day; late: after the last
   * day; before_receipt: before the petitioner received the reply/opinion (inconsistent data).
   */
  status: 'within' | 'late' | 'before_receipt';
  within: boolean;
}

/**
 * Whether a 复查 request (30 days from the date the petitioner received the written reply) or a 复核
 * request (30 days from the date they received the 复查 opinion) made on `requestedOn` is within its
 * window, and the window's last day. Dates compare as local dates: a request any time on the last day
 * is in time, one on the next day is not. The window is counted like every limit (`statutoryDeadline`).
 */
export function reviewWindow(
  stage: ReviewStage,
  receivedOn: PetitionDateInput,
  requestedOn: PetitionDateInput,
  cal: WorkCalendar,
  limits: PetitionLimits = PETITION_LIMITS,
): ReviewWindow {
  const received = localDayOf(receivedOn, cal, 'receivedOn');
  const requested = localDayOf(requestedOn, cal, 'requestedOn');
  const end = countStatutoryDays(received, limits[WINDOW_LIMIT[stage]], cal, new Set());
  const status = requested < received ? 'before_receipt' : requested > dayOf(end.lastDay) ? 'late' : 'within';
  return { stage, ...end, status, within: status === 'within' };
}

/* ------------------------------------------------------------------------------------------------ */
/* Intake route (诉访分离)                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/**
 * What the intake officer establishes about a petition's matter. Each flag is a finding of fact
 * (recorded with the petition); the route then follows from the table, not from a choice.
 */
export interface PetitionMatterNature {
  /** The same facts and reasons after a 复核 opinion (see `isBarredRefiling`). */
  refiledAfterReexamination?: boolean;
  /** 涉法涉诉: the matter is in, or was decided in, judicial proceedings (court, procuratorate, public security). */
  lawRelated?: boolean;
  /** To be resolved by arbitration (劳动人事争议仲裁, or an arbitration agreement). */
  belongsToArbitration?: boolean;
  /** To be resolved by administrative review (行政复议). */
  belongsToAdministrativeReview?: boolean;
  /** To be resolved by litigation (诉讼). */
  belongsToLitigation?: boolean;
  /** A report or accusation (检举控告) for the discipline inspection and supervision organs (纪检监察机关). */
  disciplinaryComplaint?: boolean;
  /** Outside the receiving body's duties (another body is competent). */
  outsideCompetence?: boolean;
}
export type PetitionMatterFlag = keyof PetitionMatterNature;

export const PETITION_PROCEDURES = ['litigation', 'arbitration', 'administrative_review'] as const;
export type PetitionProcedure = (typeof PETITION_PROCEDURES)[number];
export const PETITION_COMPETENT_BODIES = ['political_legal', 'discipline_inspection', 'competent_body'] as const;
export type PetitionCompetentBody = (typeof PETITION_COMPETENT_BODIES)[number];

/** The route of a petition at intake. `noticeKey` names the notice text (i18n key) the petitioner is given. */
export type PetitionIntakeRoute =
  | { route: 'accept'; rule: 'accept'; basis: string }
  | {
      route: 'transfer_to_procedure';
      procedure: PetitionProcedure;
      rule: PetitionMatterFlag;
      noticeKey: string;
      basis: string;
    }
  | {
      route: 'transfer_to_competent_body';
      body: PetitionCompetentBody;
      rule: PetitionMatterFlag;
      noticeKey: string;
      basis: string;
    }
  | {
      route: 'not_accept';
      reason: 'refiled_after_reexamination';
      rule: PetitionMatterFlag;
      noticeKey: string;
      basis: string;
    };

type IntakeOutcome =
  | { route: 'transfer_to_procedure'; procedure: PetitionProcedure }
  | { route: 'transfer_to_competent_body'; body: PetitionCompetentBody }
  | { route: 'not_accept'; reason: 'refiled_after_reexamination' };

const PROCEDURE_BASIS = `${REGULATION}：应当通过审判机关诉讼程序或者复议程序、仲裁程序解决的，导入相应程序处理（${PETITION_SOURCE_PENDING}）；中共中央办公厅、国务院办公厅《关于依法处理涉法涉诉信访问题的意见》（2014）：诉访分离`;

/**
 * The intake table (诉访分离 as a rule): the first row whose flag is set gives the route; no flag set
 * means the petition is accepted. Order, top to bottom:
 * 1. a refiling after 复核 is not accepted again — before anything else, wherever it would go;
 * 2. 涉法涉诉 goes to the political-legal organs at the same level (it is already in their proceedings);
 * 3.–5. matters for a legal procedure go to it: arbitration first (labour disputes must be arbitrated
 *    before they can be litigated, and an arbitration agreement excludes the courts), administrative
 *    review next (the cheaper remedy, and a precondition for some matters), litigation last — this
 *    order is a design choice where several flags are set, not a statutory ranking;
 * 6. 检举控告 goes to the discipline inspection and supervision organs;
 * 7. a matter outside the body's duties is transferred to the competent body.
 */
export const PETITION_INTAKE_TABLE: ReadonlyArray<{
  when: PetitionMatterFlag;
  then: IntakeOutcome;
  noticeKey: string;
  basis: string;
}> = [
  {
    when: 'refiledAfterReexamination',
    then: { route: 'not_accept', reason: 'refiled_after_reexamination' },
    noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination',
    basis: `${REGULATION}：信访人对复核意见不服，仍然以同一事实和理由提出信访事项的，不再受理（${PETITION_SOURCE_PENDING}）`,
  },
  {
    when: 'lawRelated',
    then: { route: 'transfer_to_competent_body', body: 'political_legal' },
    noticeKey: 'petitions.notices.transfer_political_legal',
    basis: `${REGULATION}：涉法涉诉 … 转送同级政法部门依法处理（条文号待核）`,
  },
  {
    when: 'belongsToArbitration',
    then: { route: 'transfer_to_procedure', procedure: 'arbitration' },
    noticeKey: 'petitions.notices.to_arbitration',
    basis: PROCEDURE_BASIS,
  },
  {
    when: 'belongsToAdministrativeReview',
    then: { route: 'transfer_to_procedure', procedure: 'administrative_review' },
    noticeKey: 'petitions.notices.to_administrative_review',
    basis: PROCEDURE_BASIS,
  },
  {
    when: 'belongsToLitigation',
    then: { route: 'transfer_to_procedure', procedure: 'litigation' },
    noticeKey: 'petitions.notices.to_litigation',
    basis: PROCEDURE_BASIS,
  },
  {
    when: 'disciplinaryComplaint',
    then: { route: 'transfer_to_competent_body', body: 'discipline_inspection' },
    noticeKey: 'petitions.notices.transfer_discipline_inspection',
    basis: `${REGULATION}：属于纪检监察机关受理的检举控告类信访事项，按照管理权限转送有关纪检监察机关依规依纪依法处理（${PETITION_SOURCE_PENDING}）`,
  },
  {
    when: 'outsideCompetence',
    then: { route: 'transfer_to_competent_body', body: 'competent_body' },
    noticeKey: 'petitions.notices.transfer_competent_body',
    basis: `${REGULATION}第二十二条：收到信访事项，区分情况，在15日内转送有权处理的机关、单位（分项内容${PETITION_SOURCE_PENDING}）`,
  },
];

const ACCEPT_BASIS = `${REGULATION}第二十二条：“收到信访事项，应当予以登记，并区分情况，在15日内分别按照下列方式处理”`;

/** The route a petition must take at intake, by the table (`PETITION_INTAKE_TABLE`). */
export function petitionIntakeRoute(matter: PetitionMatterNature): PetitionIntakeRoute {
  for (const row of PETITION_INTAKE_TABLE) {
    if (matter[row.when] === true) return { ...row.then, rule: row.when, noticeKey: row.noticeKey, basis: row.basis };
  }
  return { route: 'accept', rule: 'accept', basis: ACCEPT_BASIS };
}

/* ------------------------------------------------------------------------------------------------ */
/* Refiling after 复核 (不再受理)                                                                      */
/* ------------------------------------------------------------------------------------------------ */

/**
 * What makes two petitions "the same matter" (同一事实和理由), in data:
 * - they share a petitioner: `petitionerIdHashes` are the keyed hashes of the petitioners' identity
 *   numbers (as residents' `idHash`; never the number itself). A collective petition lists all of
 *   its petitioners, and one shared person is enough — that person was party to the 复核;
 * - and they concern the same matter: the same `matterId` (staff link a repeat petition to the
 *   matter it repeats: the id of the matter's first petition), or the same non-empty `subjectKey`
 *   (`petitionSubjectKey`: the body complained about, the kind of matter and its object).
 * A different person on the same subject is not barred (it is their own petition), nor is a petition
 * the staff record as bringing new facts or reasons (`newFactsOrReasons`).
 */
export interface PetitionMatterIdentity {
  petitionerIdHashes: readonly string[];
  matterId?: string | null;
  subjectKey?: string | null;
}

export interface NewPetitionForRefiling extends PetitionMatterIdentity {
  receivedAt: Date;
  /** Staff found new facts or reasons: then it is not the same matter and the bar does not apply. */
  newFactsOrReasons?: boolean;
}

export interface PetitionHistoryEntry extends PetitionMatterIdentity {
  id: string;
  /** When the 复核 opinion was made; null or absent while there is none. */
  reexaminationDecidedAt?: Date | null;
}

export type RefilingCheck =
  | { barred: false }
  | {
      barred: true;
      /** The petition whose 复核 opinion bars the new one. */
      priorPetitionId: string;
      matchedBy: 'matter_id' | 'subject_key';
      reexaminationDecidedAt: Date;
      noticeKey: string;
    };

/**
 * The subject key of a matter: the body complained about (e.g. 'unit:42'), the kind of matter (e.g.
 * 'land_acquisition') and its object (a parcel, an address, a decision number), normalised — NFKC
 * (full-width to half-width), whitespace collapsed, lower case — so that the same subject written
 * twice yields the same key. An empty part gives no key (null): it could not identify a matter.
 */
export function petitionSubjectKey(parts: { respondent: string; matterType: string; object: string }): string | null {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const all = [norm(parts.respondent), norm(parts.matterType), norm(parts.object)];
  return all.some((p) => p === '') ? null : all.join('|');
}

/**
 * Whether `petition` repeats, on the same facts and reasons, a matter that already had its 复核
 * opinion (made before the new petition was received): then it is not accepted again, and this proposes
 * the refusal with the prior petition (staff confirm it). The earliest such 复核 is reported. A matter
 * still without a 复核 opinion does not bar anything here (a repeat petition is linked, not refused).
 */
export function isBarredRefiling(
  petition: NewPetitionForRefiling,
  history: readonly PetitionHistoryEntry[],
): RefilingCheck {
  if (petition.newFactsOrReasons === true) return { barred: false };
  const people = new Set(petition.petitionerIdHashes.filter((h) => h !== ''));
  const received = petition.receivedAt.getTime();
  let found: Extract<RefilingCheck, { barred: true }> | null = null;
  for (const prior of history) {
    const decided = prior.reexaminationDecidedAt;
    if (!decided || !(decided.getTime() <= received)) continue;
    if (!prior.petitionerIdHashes.some((h) => people.has(h))) continue;
    const matchedBy =
      petition.matterId && petition.matterId === prior.matterId
        ? 'matter_id'
        : petition.subjectKey && petition.subjectKey === prior.subjectKey
          ? 'subject_key'
          : null;
    if (!matchedBy) continue;
    if (!found || decided.getTime() < found.reexaminationDecidedAt.getTime())
      found = {
        barred: true,
        priorPetitionId: prior.id,
        matchedBy,
        reexaminationDecidedAt: decided,
        noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination',
      };
  }
  return found ?? { barred: false };
}
