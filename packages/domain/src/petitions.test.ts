import { describe, expect, it } from 'vitest';
import { defaultWorkCalendar, lightAt } from './calendar.ts';
import {
  PETITION_INTAKE_TABLE,
  PETITION_LIMITS,
  PETITION_LIMIT_KEYS,
  PETITION_SOURCE_PENDING,
  isBarredRefiling,
  petitionClock,
  petitionDeadline,
  petitionExtensionSchema,
  petitionIntakeRoute,
  petitionLimitOverridesSchema,
  petitionLimits,
  petitionSubjectKey,
  reviewWindow,
  statutoryDeadline,
  statutoryDeadlineExcludingHearings,
  type HearingInterval,
  type PetitionHistoryEntry,
  type PetitionLimit,
} from './petitions.ts';

// Holiday data used below (holidays.ts): 2026 春节 rest 02-15…02-23, work Sat 02-14 and Sat 02-28;
// 2026 劳动节 rest 05-01…05-05; 2026 国庆节 rest 10-01…10-07; 2025 国庆节、中秋节 rest 10-01…10-08.

const cal = defaultWorkCalendar();
const HOUR = 3_600_000;

/** Beijing wall time 'YYYY-MM-DD HH:MM' → instant; the explicit offset keeps the machine's zone out. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** Instant → Beijing wall time 'YYYY-MM-DD HH:MM'. */
const bj = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const natural = (amount: number): Pick<PetitionLimit, 'amount' | 'unit'> => ({ amount, unit: 'natural_days' });
const workDays = (amount: number): Pick<PetitionLimit, 'amount' | 'unit'> => ({ amount, unit: 'work_days' });
const lastDay = (start: string | Date, limit: Pick<PetitionLimit, 'amount' | 'unit'>) =>
  statutoryDeadline(start, limit, cal).lastDay;
const hearing = (start: string, end: string): HearingInterval => ({ start: at(start), end: at(end) });

describe('PETITION_LIMITS (national figures as data with their source)', () => {
  it('holds the 信访工作条例 figures in natural days', () => {
    const figures = Object.fromEntries(
      PETITION_LIMIT_KEYS.map((k) => [k, [PETITION_LIMITS[k].amount, PETITION_LIMITS[k].unit]]),
    );
    expect(figures).toEqual({
      intake: [15, 'natural_days'],
      handling: [60, 'natural_days'],
      extension: [30, 'natural_days'],
      reviewRequest: [30, 'natural_days'],
      reviewDecision: [30, 'natural_days'],
      reexaminationRequest: [30, 'natural_days'],
      reexaminationDecision: [30, 'natural_days'],
    });
  });
  it('cites art. 22 word for word for the 15 days and marks the paraphrased figures as unchecked', () => {
    expect(PETITION_LIMITS.intake.source).toContain('第二十二条');
    expect(PETITION_LIMITS.intake.source).toContain('在15日内分别按照下列方式处理');
    expect(PETITION_LIMITS.intake.source).not.toContain(PETITION_SOURCE_PENDING);
    for (const key of [
      'handling',
      'extension',
      'reviewRequest',
      'reviewDecision',
      'reexaminationRequest',
      'reexaminationDecision',
    ] as const) {
      expect(PETITION_LIMITS[key].source).toContain('据官方释义，条文待核');
      expect(PETITION_LIMITS[key].source).not.toMatch(/第[一二三四五六七八九十]+条/);
    }
  });
  it('cannot be changed in place', () => {
    expect(() => {
      (PETITION_LIMITS.intake as { amount: number }).amount = 20;
    }).toThrow(TypeError);
    expect(PETITION_LIMITS.intake.amount).toBe(15);
  });
});

describe('province overrides (petitionLimitOverridesSchema)', () => {
  const src = '某省信访条例第二十条';
  it('accepts a shorter limit or one counted in working days, with its source', () => {
    expect(
      petitionLimitOverridesSchema.safeParse({ intake: { amount: 10, unit: 'natural_days', source: src } }).success,
    ).toBe(true);
    expect(
      petitionLimitOverridesSchema.safeParse({ intake: { amount: 15, unit: 'work_days', source: src } }).success,
    ).toBe(true);
  });
  it('refuses an extension of 31 days', () => {
    const r = petitionLimitOverridesSchema.safeParse({ extension: { amount: 31, unit: 'natural_days', source: src } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['extension', 'amount']);
    expect(r.error?.issues[0]?.message).toBe('延长办理期限不得超过 30 日');
  });
  it('refuses a longer limit, zero, fractions, hours, a missing source and unknown keys', () => {
    const bad = [
      { handling: { amount: 61, unit: 'natural_days', source: src } },
      { intake: { amount: 0, unit: 'natural_days', source: src } },
      { intake: { amount: 7.5, unit: 'natural_days', source: src } },
      { intake: { amount: 15, unit: 'work_hours', source: src } },
      { intake: { amount: 15, unit: 'natural_days' } },
      { intake: { amount: 15, unit: 'natural_days', source: ' ' } },
      { intake: { amount: 15, unit: 'natural_days', source: src, extra: 1 } },
      { acceptance: { amount: 15, unit: 'natural_days', source: src } },
    ];
    for (const overrides of bad)
      expect(petitionLimitOverridesSchema.safeParse(overrides).success, JSON.stringify(overrides)).toBe(false);
  });
  it('refuses an extension counted in another unit than the handling limit', () => {
    const r = petitionLimitOverridesSchema.safeParse({ handling: { amount: 60, unit: 'work_days', source: src } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('延长办理期限与办理时限应采用同一计日方式（自然日或工作日）');
    const both = {
      handling: { amount: 60, unit: 'work_days', source: src },
      extension: { amount: 30, unit: 'work_days', source: src },
    };
    expect(petitionLimitOverridesSchema.safeParse(both).success).toBe(true);
  });
  it('merges over the national limits (petitionLimits)', () => {
    const limits = petitionLimits({ intake: { amount: 15, unit: 'work_days', source: src } });
    expect(limits.intake).toEqual({ amount: 15, unit: 'work_days', source: src });
    expect(limits.handling).toEqual(PETITION_LIMITS.handling);
    expect(() => petitionLimits({ extension: { amount: 31, unit: 'natural_days', source: src } })).toThrow();
  });
});

describe('statutoryDeadline: natural days (民法典 arts. 201, 203)', () => {
  it('counts from the day after receipt: a letter received 2026-02-10 is due at the end of 2026-02-25', () => {
    const d = statutoryDeadline(at('2026-02-10 10:00'), PETITION_LIMITS.intake, cal);
    expect(d.lastDay).toBe('2026-02-25');
    expect(d.deadline.toISOString()).toBe('2026-02-25T16:00:00.000Z'); // 24:00 Beijing time
    expect(bj(d.deadline)).toBe('2026-02-26 00:00');
  });
  it('moves a last day inside the Spring Festival to the day after it: received 2026-02-01, day 15 is 02-16 → 02-24', () => {
    expect(lastDay(at('2026-02-01 09:00'), natural(15))).toBe('2026-02-24');
  });
  it('keeps a last day on a 调休上班日 (Saturday 2026-02-14 is a working day)', () => {
    expect(lastDay('2026-01-30', natural(15))).toBe('2026-02-14');
  });
  it('moves a last day on a weekend to the Monday: received Fri 2026-03-06, day 15 is Sat 03-21 → 03-23', () => {
    expect(lastDay('2026-03-06', natural(15))).toBe('2026-03-23');
  });
  it('moves a last day in the National Day holiday to the day after it', () => {
    expect(lastDay('2026-09-18', natural(15))).toBe('2026-10-08'); // day 15 = 10-03, holiday 10-01…10-07
    expect(lastDay('2025-09-16', natural(15))).toBe('2025-10-09'); // day 15 = 10-01, holiday 10-01…10-08
  });
  it('runs 60 handling days across month ends', () => {
    expect(lastDay('2026-01-31', PETITION_LIMITS.handling)).toBe('2026-04-01'); // Feb 2026 has 28 days
    expect(lastDay('2026-03-01', PETITION_LIMITS.handling)).toBe('2026-04-30'); // ends on a month end, a Thursday
    const d = statutoryDeadline('2026-03-01', PETITION_LIMITS.handling, cal);
    expect(bj(d.deadline)).toBe('2026-05-01 00:00');
  });
  it('moves a month-end last day on a Sunday (2026-05-31) to Monday 2026-06-01', () => {
    expect(lastDay('2026-04-01', PETITION_LIMITS.handling)).toBe('2026-06-01');
  });
  it('counts the local (UTC+8) date of receipt, whatever the hour', () => {
    // 23:30 Beijing on 03-01 is 15:30 UTC on 03-01; 00:30 Beijing on 03-02 is still 16:30 UTC on 03-01.
    expect(lastDay(at('2026-03-01 23:30'), natural(15))).toBe('2026-03-16');
    expect(lastDay(at('2026-03-02 00:30'), natural(15))).toBe('2026-03-17');
    expect(lastDay(new Date('2026-03-01T16:30:00Z'), natural(15))).toBe('2026-03-17');
    expect(lastDay('2026-03-02', natural(15))).toBe('2026-03-17');
  });
  it('moves the 复查 decision into May: request received 2026-04-01, day 30 is 05-01 (劳动节) → 05-06', () => {
    expect(lastDay('2026-04-01', PETITION_LIMITS.reviewDecision)).toBe('2026-05-06');
  });
  it('refuses nonsense', () => {
    expect(() => statutoryDeadline('2026-02-30', natural(15), cal)).toThrow(RangeError);
    expect(() => statutoryDeadline(new Date(Number.NaN), natural(15), cal)).toThrow(RangeError);
    expect(() => statutoryDeadline('2026-03-02', natural(0), cal)).toThrow(RangeError);
    expect(() => statutoryDeadline('2026-03-02', natural(1.5), cal)).toThrow(RangeError);
    expect(() => statutoryDeadline('2026-03-02', { amount: 15, unit: 'work_hours' as 'work_days' }, cal)).toThrow(
      RangeError,
    );
  });
});

describe('statutoryDeadline: working days', () => {
  it('counts 15 working days from 2026-02-10 across the Spring Festival and both 调休 Saturdays', () => {
    // 02-11, 12, 13, 14 (Sat, work) | holiday 02-15…23 | 24, 25, 26, 27, 28 (Sat, work) | 03-02…06 | 03-09 = 15th
    expect(lastDay(at('2026-02-10 10:00'), workDays(15))).toBe('2026-03-09');
    expect(bj(statutoryDeadline('2026-02-10', workDays(15), cal).deadline)).toBe('2026-03-10 00:00');
  });
  it('uses a province override in working days through petitionDeadline', () => {
    const limits = petitionLimits({ intake: { amount: 15, unit: 'work_days', source: '某省信访条例' } });
    expect(petitionDeadline('intake', '2026-03-02', cal, { limits }).lastDay).toBe('2026-03-23');
    expect(petitionDeadline('intake', '2026-03-02', cal).lastDay).toBe('2026-03-17');
  });
});

describe('hearing time not counted (statutoryDeadlineExcludingHearings)', () => {
  // 复核 decision: request received Mon 2026-06-01 → 30 days → Wed 2026-07-01 without hearings.
  const base = (hearings: HearingInterval[]) =>
    statutoryDeadlineExcludingHearings('2026-06-01', PETITION_LIMITS.reexaminationDecision, hearings, cal);
  it('without hearings, the plain deadline', () => {
    expect(base([]).lastDay).toBe('2026-07-01');
    expect(base([]).excludedDays).toEqual([]);
  });
  it('a 3-day hearing extends the 60-day handling limit by 3 days: Fri 07-31 → Mon 08-03', () => {
    expect(lastDay('2026-06-01', PETITION_LIMITS.handling)).toBe('2026-07-31');
    const d = statutoryDeadlineExcludingHearings(
      at('2026-06-01 09:00'),
      PETITION_LIMITS.handling,
      [hearing('2026-06-10 09:00', '2026-06-12 17:00')],
      cal,
    );
    expect(d.lastDay).toBe('2026-08-03');
    expect(bj(d.deadline)).toBe('2026-08-04 00:00');
    expect(d.excludedDays).toEqual(['2026-06-10', '2026-06-11', '2026-06-12']);
  });
  it('a hearing on part of a day excludes the whole day', () => {
    expect(base([hearing('2026-06-10 14:00', '2026-06-10 16:30')]).lastDay).toBe('2026-07-02');
  });
  it('a hearing across midnight excludes both days; one ending at 00:00 sharp only the first', () => {
    expect(base([hearing('2026-06-10 20:00', '2026-06-11 01:00')]).lastDay).toBe('2026-07-03');
    expect(base([hearing('2026-06-10 09:00', '2026-06-11 00:00')]).excludedDays).toEqual(['2026-06-10']);
    expect(base([hearing('2026-06-10 09:00', '2026-06-11 00:00')]).lastDay).toBe('2026-07-02');
  });
  it('counts a day once however many hearings it holds', () => {
    const d = base([hearing('2026-06-10 09:00', '2026-06-10 12:00'), hearing('2026-06-10 14:00', '2026-06-10 17:00')]);
    expect(d.lastDay).toBe('2026-07-02');
    expect(d.excludedDays).toEqual(['2026-06-10']);
  });
  it('ignores hearings on the start day or after the last day', () => {
    expect(base([hearing('2026-06-01 15:00', '2026-06-01 17:00')]).lastDay).toBe('2026-07-01');
    expect(base([hearing('2026-07-05 09:00', '2026-07-05 12:00')]).lastDay).toBe('2026-07-01');
  });
  it('skips a later hearing day the moved deadline lands on', () => {
    const d = base([hearing('2026-06-10 09:00', '2026-06-10 12:00'), hearing('2026-07-02 09:00', '2026-07-02 12:00')]);
    expect(d.lastDay).toBe('2026-07-03');
    expect(d.excludedDays).toEqual(['2026-06-10', '2026-07-02']);
  });
  it('a weekend hearing counts for natural days, not for working days', () => {
    expect(base([hearing('2026-06-13 09:00', '2026-06-13 12:00')]).lastDay).toBe('2026-07-02');
    const wd = (h: HearingInterval[]) => statutoryDeadlineExcludingHearings('2026-03-02', workDays(15), h, cal).lastDay;
    expect(wd([])).toBe('2026-03-23');
    expect(wd([hearing('2026-03-07 09:00', '2026-03-07 12:00')])).toBe('2026-03-23'); // Saturday
    expect(wd([hearing('2026-03-10 09:00', '2026-03-10 12:00')])).toBe('2026-03-24'); // Tuesday
  });
  it('refuses a hearing that ends before it starts', () => {
    expect(() => base([hearing('2026-06-10 12:00', '2026-06-10 09:00')])).toThrow(RangeError);
    expect(() => base([hearing('2026-06-10 12:00', '2026-06-10 12:00')])).toThrow(RangeError);
  });
});

describe('extension (延期)', () => {
  it('lengthens the handling limit to 60 + N days from acceptance', () => {
    // 90 days from Mon 2026-06-01 → Sun 08-30 → Mon 08-31.
    expect(petitionDeadline('handling', '2026-06-01', cal, { extensionDays: 30 }).lastDay).toBe('2026-08-31');
    // 60 days from 2026-04-01 end on Sun 05-31 (→ 06-01); with 30 more, day 90 is Tue 06-30, not 06-01 + 30.
    expect(petitionDeadline('handling', '2026-04-01', cal, { extensionDays: 30 }).lastDay).toBe('2026-06-30');
  });
  it('refuses an extension of 31 days, a fraction, and an extension of any other clock', () => {
    expect(() => petitionDeadline('handling', '2026-06-01', cal, { extensionDays: 31 })).toThrow(RangeError);
    expect(() => petitionDeadline('handling', '2026-06-01', cal, { extensionDays: 2.5 })).toThrow(RangeError);
    expect(() => petitionDeadline('reviewDecision', '2026-06-01', cal, { extensionDays: 5 })).toThrow(RangeError);
  });
  it('the request schema refuses 31 days and wants a reason', () => {
    const schema = petitionExtensionSchema();
    expect(schema.safeParse({ days: 30, reason: '需调取多个部门材料' }).success).toBe(true);
    const r = schema.safeParse({ days: 31, reason: '需调取多个部门材料' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('延长办理期限不得超过 30 日');
    expect(schema.safeParse({ days: 0, reason: '需调取多个部门材料' }).success).toBe(false);
    expect(schema.safeParse({ days: 10 }).success).toBe(false);
    expect(schema.safeParse({ days: 10, reason: ' ' }).success).toBe(false);
  });
  it('follows a shorter provincial cap', () => {
    const limits = petitionLimits({ extension: { amount: 20, unit: 'natural_days', source: '某省信访条例' } });
    expect(petitionExtensionSchema(limits).safeParse({ days: 21, reason: '情况复杂' }).success).toBe(false);
    expect(() => petitionDeadline('handling', '2026-06-01', cal, { limits, extensionDays: 21 })).toThrow(RangeError);
    expect(petitionDeadline('handling', '2026-06-01', cal, { limits, extensionDays: 20 }).lastDay).toBe('2026-08-20');
  });
});

describe('reviewWindow: 复查 and 复核 requests', () => {
  it('复查: reply received 2026-03-02, a request on day 30 (04-01) is in time, on day 31 it is late', () => {
    const day30 = reviewWindow('review', '2026-03-02', '2026-04-01', cal);
    expect(day30).toMatchObject({ stage: 'review', lastDay: '2026-04-01', status: 'within', within: true });
    const day31 = reviewWindow('review', '2026-03-02', '2026-04-02', cal);
    expect(day31).toMatchObject({ lastDay: '2026-04-01', status: 'late', within: false });
  });
  it('takes instants by their Beijing date: 23:59 on the last day is in time, 00:01 the next day is not', () => {
    expect(reviewWindow('review', at('2026-03-02 16:00'), at('2026-04-01 23:59'), cal).within).toBe(true);
    expect(reviewWindow('review', at('2026-03-02 16:00'), at('2026-04-02 00:01'), cal).within).toBe(false);
  });
  it('a request on the day of receipt is in time; one before it is flagged', () => {
    expect(reviewWindow('review', '2026-03-02', '2026-03-02', cal).status).toBe('within');
    expect(reviewWindow('review', '2026-03-02', '2026-03-01', cal)).toMatchObject({
      status: 'before_receipt',
      within: false,
    });
  });
  it('复核: 复查 opinion received 2026-09-04, day 30 falls in National Day (10-04) → window open through 10-08', () => {
    expect(reviewWindow('reexamination', '2026-09-04', '2026-10-08', cal)).toMatchObject({
      stage: 'reexamination',
      lastDay: '2026-10-08',
      within: true,
    });
    expect(reviewWindow('reexamination', '2026-09-04', '2026-10-09', cal).status).toBe('late');
  });
  it('follows a provincial working-day window', () => {
    const limits = petitionLimits({ reviewRequest: { amount: 30, unit: 'work_days', source: '某省信访条例' } });
    // 30 working days after Mon 2026-03-02: 03-03 … 04-03 is 24 (清明 04-04…06), 04-07 … 04-14 → 30th on Tue 04-14.
    expect(reviewWindow('review', '2026-03-02', '2026-04-14', cal, limits)).toMatchObject({
      lastDay: '2026-04-14',
      within: true,
    });
    expect(reviewWindow('review', '2026-03-02', '2026-04-15', cal, limits).within).toBe(false);
  });
});

describe('lights on a petition clock (shared rule: warningAt / lightAt)', () => {
  it('intake clock started Mon 2026-03-02 10:00: due 03-18 00:00, yellow from 03-14 21:12', () => {
    // Window 15 d 14 h = 374 h; 80 % = 299.2 h = 12 d 11 h 12 min after the start.
    const clock = petitionClock('intake', at('2026-03-02 10:00'), cal);
    expect(clock.lastDay).toBe('2026-03-17');
    expect(bj(clock.deadline)).toBe('2026-03-18 00:00');
    expect(bj(clock.warnAt)).toBe('2026-03-14 21:12');
    expect(lightAt(clock, at('2026-03-14 21:11'))).toBe('green');
    expect(lightAt(clock, at('2026-03-14 21:12'))).toBe('yellow');
    expect(lightAt(clock, at('2026-03-17 23:59'))).toBe('yellow');
    expect(lightAt(clock, at('2026-03-18 00:01'))).toBe('red');
  });
});

describe('petitionIntakeRoute (诉访分离 as a rule)', () => {
  const cases: Array<[string, Parameters<typeof petitionIntakeRoute>[0], Record<string, string>]> = [
    ['nothing special', {}, { route: 'accept' }],
    ['all flags false', { belongsToLitigation: false, lawRelated: false }, { route: 'accept' }],
    [
      'litigation',
      { belongsToLitigation: true },
      { route: 'transfer_to_procedure', procedure: 'litigation', noticeKey: 'petitions.notices.to_litigation' },
    ],
    [
      'arbitration',
      { belongsToArbitration: true },
      { route: 'transfer_to_procedure', procedure: 'arbitration', noticeKey: 'petitions.notices.to_arbitration' },
    ],
    [
      'administrative review',
      { belongsToAdministrativeReview: true },
      {
        route: 'transfer_to_procedure',
        procedure: 'administrative_review',
        noticeKey: 'petitions.notices.to_administrative_review',
      },
    ],
    [
      'labour dispute: arbitration before litigation',
      { belongsToLitigation: true, belongsToArbitration: true },
      { procedure: 'arbitration' },
    ],
    [
      'administrative review before litigation',
      { belongsToLitigation: true, belongsToAdministrativeReview: true },
      { procedure: 'administrative_review' },
    ],
    ['涉法涉诉 → 同级政法部门', { lawRelated: true }, { route: 'transfer_to_competent_body', body: 'political_legal' }],
    ['涉法涉诉 wins over litigation', { lawRelated: true, belongsToLitigation: true }, { body: 'political_legal' }],
    [
      '检举控告 → 纪检监察',
      { disciplinaryComplaint: true },
      { route: 'transfer_to_competent_body', body: 'discipline_inspection' },
    ],
    [
      'outside competence',
      { outsideCompetence: true },
      { route: 'transfer_to_competent_body', body: 'competent_body' },
    ],
    [
      'procedure wins over competence',
      { outsideCompetence: true, belongsToArbitration: true },
      { route: 'transfer_to_procedure' },
    ],
    [
      'refiled after 复核 beats everything',
      { refiledAfterReexamination: true, lawRelated: true, belongsToLitigation: true },
      {
        route: 'not_accept',
        reason: 'refiled_after_reexamination',
        noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination',
      },
    ],
  ];
  it.each(cases)('%s', (_name, matter, expected) => {
    expect(petitionIntakeRoute(matter)).toMatchObject(expected);
  });
  it('cites its basis: art. 22 for acceptance, 诉访分离 for procedures', () => {
    expect(petitionIntakeRoute({}).basis).toContain('第二十二条');
    expect(petitionIntakeRoute({ belongsToLitigation: true }).basis).toContain('关于依法处理涉法涉诉信访问题的意见');
    expect(petitionIntakeRoute({ lawRelated: true }).basis).toContain('转送同级政法部门依法处理');
  });
  it('has one row per flag', () => {
    const flags = PETITION_INTAKE_TABLE.map((r) => r.when);
    expect(new Set(flags).size).toBe(flags.length);
    expect(flags).toHaveLength(7);
  });
});

describe('isBarredRefiling (同一事实和理由，复核后不再受理)', () => {
  const history: PetitionHistoryEntry[] = [
    {
      id: 'p-land',
      petitionerIdHashes: ['h-zhang', 'h-li'],
      matterId: 'm-100',
      subjectKey: 'unit:42|land_acquisition|parcel 4101-22',
      reexaminationDecidedAt: at('2026-05-20 10:00'),
    },
    {
      id: 'p-wage',
      petitionerIdHashes: ['h-zhang'],
      matterId: 'm-200',
      subjectKey: 'unit:7|wages|2025',
      reexaminationDecidedAt: null,
    },
  ];
  const newOne = (over: Partial<Parameters<typeof isBarredRefiling>[0]>) =>
    isBarredRefiling({ petitionerIdHashes: ['h-zhang'], receivedAt: at('2026-07-01 09:00'), ...over }, history);

  it('detects the same person on the same linked matter after the 复核', () => {
    expect(newOne({ matterId: 'm-100' })).toEqual({
      barred: true,
      priorPetitionId: 'p-land',
      matchedBy: 'matter_id',
      reexaminationDecidedAt: at('2026-05-20 10:00'),
      noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination',
    });
  });
  it('detects the same subject key when the petition was not linked, and one member of a collective petition', () => {
    expect(newOne({ subjectKey: 'unit:42|land_acquisition|parcel 4101-22' })).toMatchObject({
      barred: true,
      matchedBy: 'subject_key',
    });
    expect(newOne({ petitionerIdHashes: ['h-wang', 'h-li'], matterId: 'm-100' })).toMatchObject({
      barred: true,
      priorPetitionId: 'p-land',
    });
  });
  it('normalises the subject key so that the same subject written twice matches', () => {
    const key = petitionSubjectKey({
      respondent: 'unit:42',
      matterType: 'land_acquisition',
      object: ' Parcel　４１０１-22 ',
    });
    expect(key).toBe('unit:42|land_acquisition|parcel 4101-22');
    expect(newOne({ subjectKey: key })).toMatchObject({ barred: true });
    expect(petitionSubjectKey({ respondent: 'unit:42', matterType: 'land_acquisition', object: '  ' })).toBeNull();
  });
  it('does not bar another person, another matter, new facts, a matter without 复核, or a petition before the 复核', () => {
    expect(newOne({ petitionerIdHashes: ['h-wang'], matterId: 'm-100' })).toEqual({ barred: false });
    expect(newOne({ matterId: 'm-300', subjectKey: 'unit:42|land_acquisition|parcel 9' })).toEqual({ barred: false });
    expect(newOne({ matterId: 'm-100', newFactsOrReasons: true })).toEqual({ barred: false });
    expect(newOne({ matterId: 'm-200' })).toEqual({ barred: false });
    expect(newOne({ matterId: 'm-100', receivedAt: at('2026-05-19 09:00') })).toEqual({ barred: false });
  });
  it('does not match on empty keys', () => {
    const blank: PetitionHistoryEntry[] = [
      {
        id: 'p-x',
        petitionerIdHashes: ['h-zhang'],
        matterId: '',
        subjectKey: '',
        reexaminationDecidedAt: at('2026-01-05 10:00'),
      },
    ];
    const p = { petitionerIdHashes: ['h-zhang'], receivedAt: at('2026-07-01 09:00'), matterId: '', subjectKey: '' };
    expect(isBarredRefiling(p, blank)).toEqual({ barred: false });
    expect(
      isBarredRefiling({ ...p, matterId: null, subjectKey: null }, [
        { ...blank[0]!, matterId: null, subjectKey: null },
      ]),
    ).toEqual({
      barred: false,
    });
  });
});
