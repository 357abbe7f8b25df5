import { z } from 'zod';

/**
 * The dispute figures (issue 15 point 4; domain.md "Assessment": every ratio with its counts, small
 * units not ranked on noise), for a period [from, to) and a region, per mediation organisation and per
 * mediator. One definition of each, here; the server counts, this file divides, the screens show
 * numerator and denominator beside every rate. A dispute is counted with the organisation and the
 * mediator holding it now (from the agreement on, the ones who mediated it: it is not diverted again).
 *
 * The counts (each over the disputes of the region, or of the organisation / mediator):
 * - registered: registered in the period (登记).
 * - agreed: an agreement reached in the period (达成调解协议, the `agree` event's time).
 * - failed: mediation ended without one in the period (调解不成, the `fail` event's time).
 * - mediated = agreed + failed: mediation concluded in the period (调结).
 * - confirmed: of `agreed`, those the court has confirmed (司法确认, record_confirmation → confirmed).
 * - agreedVillage / agreedTownship / agreedCounty: `agreed` by the tier that reached the agreement.
 * - followedUp: disputes with a follow-up (履行回访) in the period; performed: of those, the ones whose
 *   last follow-up in the period found the agreement fully performed (履行完毕).
 * - screening (a region's grids only): grid-periods whose period ended in the period and whose report
 *   has fallen due (reportsDue); of those, reported by the due time — a zero report counting as a
 *   report (reportedOnTime; 零报告制度: every grid reports, even when it found nothing).
 */
export const DISPUTE_FIGURES = {
  successRate: {
    label: '调解成功率',
    numerator: 'agreed',
    denominator: 'mediated',
    definition: '时段内达成调解协议的纠纷 ÷ 时段内调解终结（达成协议或调解不成）的纠纷',
  },
  performanceRate: {
    label: '协议履行率',
    numerator: 'performed',
    denominator: 'followedUp',
    definition: '时段内最后一次履行回访为“已全部履行”的纠纷 ÷ 时段内进行过履行回访的纠纷',
  },
  confirmationRate: {
    label: '司法确认率',
    numerator: 'confirmed',
    denominator: 'agreed',
    definition: '时段内达成的调解协议中经人民法院确认有效的 ÷ 时段内达成的调解协议（人民调解法第三十三条）',
  },
  localRate: {
    label: '村、乡镇两级化解率',
    numerator: 'agreedLocal',
    denominator: 'agreed',
    definition:
      '时段内在村（社区）、乡镇（街道）层级达成调解协议的纠纷 ÷ 时段内达成调解协议的纠纷（小事不出村、大事不出镇）',
  },
  screeningCompliance: {
    label: '排查按期报告率（含零报告）',
    numerator: 'reportedOnTime',
    denominator: 'reportsDue',
    definition: '时段内结束且已到报送期限的各网格排查周期中，按期上报（含零报告）的 ÷ 应报的网格周期数',
  },
} as const;
export type DisputeFigureKey = keyof typeof DISPUTE_FIGURES;
/** The figures of an organisation or a mediator (排查 is a region's grids', not theirs). */
export const DISPUTE_GROUP_FIGURES = ['successRate', 'performanceRate', 'confirmationRate', 'localRate'] as const;

export interface DisputeFigureCounts {
  registered: number;
  agreed: number;
  failed: number;
  confirmed: number;
  agreedVillage: number;
  agreedTownship: number;
  agreedCounty: number;
  followedUp: number;
  performed: number;
}

export interface ScreeningFigureCounts {
  reportsDue: number;
  reportedOnTime: number;
  /** Of reportsDue: reported after the due time, still missing, and (of those on time) zero reports. */
  reportedLate: number;
  missing: number;
  zeroOnTime: number;
}

/** A rate with its numerator and denominator; null when nothing was due (not ranked on noise). */
export interface FigureRate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

const rate = (numerator: number, denominator: number): FigureRate => ({
  numerator,
  denominator,
  rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
});

/** The numerators and denominators the definitions name, from the counts. */
export function disputeFigureTerms(c: DisputeFigureCounts) {
  return {
    ...c,
    mediated: c.agreed + c.failed,
    agreedLocal: c.agreedVillage + c.agreedTownship,
  };
}

/** Every group figure of DISPUTE_FIGURES from the counts, by its one definition. */
export function disputeRates(c: DisputeFigureCounts): Record<(typeof DISPUTE_GROUP_FIGURES)[number], FigureRate> {
  const terms = disputeFigureTerms(c);
  const of = (k: (typeof DISPUTE_GROUP_FIGURES)[number]) =>
    rate(terms[DISPUTE_FIGURES[k].numerator], terms[DISPUTE_FIGURES[k].denominator]);
  return {
    successRate: of('successRate'),
    performanceRate: of('performanceRate'),
    confirmationRate: of('confirmationRate'),
    localRate: of('localRate'),
  };
}

export function screeningComplianceRate(c: ScreeningFigureCounts): FigureRate {
  return rate(c.reportedOnTime, c.reportsDue);
}

// ---------------------------------------------------------------------------------------------
// Contract and view (GET /api/dispute-figures)

export const disputeFiguresQuerySchema = z.strictObject({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  /** A region of the actor's area; their own by default. */
  regionId: z.string().uuid().optional(),
});
export type DisputeFiguresQuery = z.infer<typeof disputeFiguresQuerySchema>;

const figureRate = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });
const countsSchema = z.object({
  registered: z.number(),
  agreed: z.number(),
  failed: z.number(),
  mediated: z.number(),
  confirmed: z.number(),
  agreedVillage: z.number(),
  agreedTownship: z.number(),
  agreedCounty: z.number(),
  followedUp: z.number(),
  performed: z.number(),
});
export const disputeFigureGroupSchema = z.object({
  /** The organisation's or mediator's id; null for the disputes without one (未分流 / 未指派). */
  key: z.string().nullable(),
  name: z.string(),
  counts: countsSchema,
  rates: z.object({
    successRate: figureRate,
    performanceRate: figureRate,
    confirmationRate: figureRate,
    localRate: figureRate,
  }),
});
export type DisputeFigureGroup = z.infer<typeof disputeFigureGroupSchema>;

export const disputeFiguresViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  total: disputeFigureGroupSchema,
  /** The region's 排查 (null for a mediator, whose figures are their organisation's). */
  screening: z
    .object({
      reportsDue: z.number(),
      reportedOnTime: z.number(),
      reportedLate: z.number(),
      missing: z.number(),
      zeroOnTime: z.number(),
      compliance: figureRate,
    })
    .nullable(),
  byOrganisation: z.array(disputeFigureGroupSchema),
  byMediator: z.array(disputeFigureGroupSchema),
});
export type DisputeFiguresView = z.infer<typeof disputeFiguresViewSchema>;
