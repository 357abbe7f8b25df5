import type { CaseState } from './cases.ts';
import type { DisputeState } from './disputes.ts';
import type { PetitionState } from './petitions-terms.ts';

/*
 * The reception window (综治中心窗口, 来访登记): "只进一扇门、最多跑一地". A visitor is registered once,
 * staff route the visit in one step to a track, and the visitor gets a receipt number with which —
 * and the last four digits of their phone — they follow the progress on a phone without calling
 * anyone. This file is the one home of the tracks and their rules, the receipt number, the lookup's
 * limits and what a visitor may see of each track's progress. domain.md "Disputes and petitions" is
 * the brief; issue 15 point 1 the specification.
 */

/**
 * Where a visit goes (分类流转):
 * - `case`: the case chain (事件上报 → 受理 → 派遣 → 处置 → 核查 → 结案), for a problem to fix;
 * - `dispute`: a dispute for mediation (矛盾纠纷多元化解), the visitor its applicant (申请方);
 * - `petition`: a petition (信访, 信访工作条例 2022) on its statutory clocks;
 * - `legal_advice`: 法律服务 — a lawyer or legal adviser answers at the window; recorded and closed at once;
 * - `referral`: 转介 to 心理服务, 法律援助 or 司法所 — recorded with the receiving body; the centre's part ends there.
 */
export const RECEPTION_TRACKS = ['case', 'dispute', 'petition', 'legal_advice', 'referral'] as const;
export type ReceptionTrack = (typeof RECEPTION_TRACKS)[number];

/** What a visitor may see of a track's progress: a short public label, the step reached, and how it stands. */
export interface PublicProgress {
  /** Short Chinese label: never a staff member's name, a party, a note or an internal code. */
  label: string;
  /** Index into the track's `steps` reached. */
  step: number;
  /** `open`: still being handled; `done`: finished as asked; `stopped`: ended otherwise (declined, guided elsewhere). */
  outcome: 'open' | 'done' | 'stopped';
}

const open = (label: string, step: number): PublicProgress => ({ label, step, outcome: 'open' });
const done = (label: string, step: number): PublicProgress => ({ label, step, outcome: 'done' });
const stopped = (label: string, step: number): PublicProgress => ({ label, step, outcome: 'stopped' });

/** What a visitor sees for a state the table below does not know (a state added later): still in hand. */
export const UNKNOWN_PROGRESS: PublicProgress = { label: '办理中', step: 1, outcome: 'open' };

export interface TrackRule<S extends string> {
  /** The track's name at the desk and on the receipt. */
  label: string;
  /** The track's name as the visitor sees it. */
  publicLabel: string;
  /** An anonymous visitor (no name, no number) may be routed here: only for legal advice, which asks nothing back. */
  anonymousAllowed: boolean;
  /** The visit is settled at the window (no record elsewhere): advice answered, referral handed over. */
  closedAtOnce: boolean;
  /** Which record the track opens: another module's, or none (the visit itself holds it). */
  record: 'case' | 'dispute' | 'petition' | null;
  /** The steps the visitor's progress page shows, in order. */
  steps: readonly string[];
  /** Each internal state of the record → what the visitor sees. */
  progress: Readonly<Record<S, PublicProgress>>;
}

/**
 * The tracks and their rules in one declaration. Why anonymity only for advice: every other track
 * opens a record that someone acts on and reports back on (a case is fed back to its reporter, a
 * dispute needs its applicant at the mediation, a petition is answered in writing to the petitioner,
 * a referral hands a person over) and the visitor follows it with the last four digits of their
 * phone; an answered question needs none of that. 信访工作条例 art. 17 also asks petitioners to give
 * their real name (如实提供本人真实姓名). Advice and referral are closed at the window: the centre's
 * part ends with the answer or the hand-over (the receiving body's own process is not tracked here).
 */
export const RECEPTION_TRACK_RULES = {
  case: {
    label: '事件办理（全链条）',
    publicLabel: '问题办理',
    anonymousAllowed: false,
    closedAtOnce: false,
    record: 'case',
    steps: ['已登记', '已受理', '处理中', '已办结'],
    progress: {
      reported: open('已登记，等待受理', 0),
      accepted: open('已受理，正在分派', 1),
      dispatched: open('已交办理单位', 2),
      handling: open('办理中', 2),
      suspended: open('办理中（需较长时间）', 2),
      fed_back: open('已处理，等待核查', 2),
      verified: open('已核查，即将办结', 2),
      closed: done('已办结', 3),
      rejected: stopped('不予受理', 1),
      voided: stopped('已终止办理', 1),
      merged: open('已与同一问题合并办理', 2),
      converted: stopped('已转为矛盾纠纷调解', 1),
      claimed: open('志愿者已认领处理', 2),
      claim_done: open('已处理，等待核查', 2),
    } satisfies Record<CaseState, PublicProgress>,
  } as TrackRule<CaseState>,
  dispute: {
    label: '矛盾纠纷调解',
    publicLabel: '纠纷调解',
    anonymousAllowed: false,
    closedAtOnce: false,
    record: 'dispute',
    steps: ['已登记', '已受理', '调解中', '已办结'],
    progress: {
      registered: open('已登记，等待受理', 0),
      accepted: open('已受理，正在安排调解', 1),
      diverted: open('已受理，正在安排调解员', 1),
      mediating: open('调解中', 2),
      agreed: open('已达成调解协议', 2),
      confirming: open('司法确认办理中', 2),
      performing: open('协议履行中', 2),
      closed: done('已办结', 3),
      failed: stopped('调解未成，已告知其他解决途径', 3),
      declined: stopped('不予受理，已告知解决途径', 1),
    } satisfies Record<DisputeState, PublicProgress>,
  } as TrackRule<DisputeState>,
  petition: {
    label: '信访事项',
    publicLabel: '信访事项',
    anonymousAllowed: false,
    closedAtOnce: false,
    record: 'petition',
    steps: ['已登记', '已受理', '办理中', '已答复'],
    progress: {
      registered: open('已登记，15日内告知是否受理', 0),
      accepted: open('已受理，办理中', 1),
      answered: done('已出具处理意见', 3),
      reviewing: open('复查办理中', 3),
      reviewed: done('已出具复查意见', 3),
      reexamining: open('复核办理中', 3),
      reexamined: done('已出具复核意见', 3),
      not_accepted: stopped('不予受理，已书面告知', 1),
      transferred: stopped('已转送有权处理机关', 1),
      referred: stopped('已告知依法定途径解决', 1),
    } satisfies Record<PetitionState, PublicProgress>,
  } as TrackRule<PetitionState>,
  legal_advice: {
    label: '法律服务（法律咨询）',
    publicLabel: '法律咨询',
    anonymousAllowed: true,
    closedAtOnce: true,
    record: null,
    steps: ['已登记', '已解答'],
    progress: { answered: done('已当场解答', 1) },
  } as TrackRule<'answered'>,
  referral: {
    label: '转介服务',
    publicLabel: '转介服务',
    anonymousAllowed: false,
    closedAtOnce: true,
    record: null,
    steps: ['已登记', '已转介'],
    progress: { referred: done('已转介至接收机构', 1) },
  } as TrackRule<'referred'>,
} as const satisfies Record<ReceptionTrack, TrackRule<string>>;

/** What the visitor sees for a track's record in `state` (UNKNOWN_PROGRESS for a state the table does not know). */
export function publicProgressOf(track: ReceptionTrack, state: string): PublicProgress {
  const table = RECEPTION_TRACK_RULES[track].progress as Readonly<Record<string, PublicProgress>>;
  return Object.hasOwn(table, state) ? (table[state] as PublicProgress) : UNKNOWN_PROGRESS;
}

/** The state a visit of a track closed at the window is recorded in. */
export const CLOSED_AT_ONCE_STATE = { legal_advice: 'answered', referral: 'referred' } as const;

/** Why the visitor came (来访事由), as the desk classifies it before routing. */
export const VISIT_CATEGORIES = [
  'report_problem', // 反映问题（城市管理、公共设施、安全隐患……）
  'dispute', // 矛盾纠纷
  'petition', // 信访诉求（投诉、求决、意见建议）
  'legal_consultation', // 法律咨询
  'psychological', // 心理疏导
  'assistance', // 求助（法律援助、困难帮扶）
  'other',
] as const;
export type VisitCategory = (typeof VISIT_CATEGORIES)[number];

export const VISIT_CATEGORY_LABELS: Record<VisitCategory, string> = {
  report_problem: '反映问题',
  dispute: '矛盾纠纷',
  petition: '信访诉求',
  legal_consultation: '法律咨询',
  psychological: '心理疏导',
  assistance: '求助',
  other: '其他',
};

/** The track the desk proposes for a category (staff may choose another: the category is what was asked, the track where it goes). */
export const CATEGORY_DEFAULT_TRACK: Record<VisitCategory, ReceptionTrack | null> = {
  report_problem: 'case',
  dispute: 'dispute',
  petition: 'petition',
  legal_consultation: 'legal_advice',
  psychological: 'referral',
  assistance: 'referral',
  other: null,
};

/** Where a referral goes (转介): 心理服务, 法律援助, 司法所. */
export const REFERRAL_BODY_KINDS = ['psychological_service', 'legal_aid', 'judicial_office'] as const;
export type ReferralBodyKind = (typeof REFERRAL_BODY_KINDS)[number];
export const REFERRAL_BODY_LABELS: Record<ReferralBodyKind, string> = {
  psychological_service: '心理服务机构',
  legal_aid: '法律援助机构',
  judicial_office: '司法所',
};

/** Who answered at the window (法律服务): a lawyer (律师, e.g. on duty at the centre) or a legal adviser (村（居）法律顾问). */
export const ADVISER_KINDS = ['lawyer', 'legal_adviser'] as const;
export type AdviserKind = (typeof ADVISER_KINDS)[number];
export const ADVISER_KIND_LABELS: Record<AdviserKind, string> = { lawyer: '律师', legal_adviser: '法律顾问' };

/** The kinds of protected visitor data a desk member may reveal (audited, with a reason). */
export const VISITOR_FIELDS = ['name', 'idNumber', 'phone'] as const;
export type VisitorField = (typeof VISITOR_FIELDS)[number];

// ─── The receipt number ──────────────────────────────────────────────────────────────────────────

/**
 * The receipt number (回执编号): 12 digits, printed `XXXX-XXXX-XXXX` — 11 drawn at random by a CSPRNG
 * plus a Luhn check digit. One per visit; nothing in it (no date, no serial, no centre code) follows
 * from another visit's, so seeing one's own says nothing about anyone else's.
 *
 * Why this suffices: a lookup needs the number AND the last four digits of the visitor's phone. A
 * guess of both hits one of V live visits with probability V / 10^11 × 1 / 10^4 = V × 10^-15. With
 * the lookup limits below (PROGRESS_LOOKUP_LIMITS: 20 failures an hour per address), even a
 * million visits on record and a thousand addresses guessing day and night (480,000 guesses a day)
 * give one hit in about 5 years — and every failure is audited. Against one known number the limit
 * per number (5 failures an hour) leaves 10,000 possible last-four values: 1,000 hours (six weeks)
 * of guessing on average, from however many addresses. Digits only, because the visitor types it on a
 * phone keypad; 12 of them, like a parcel's tracking number; the check digit catches a mistyped digit
 * (and most swapped neighbours) before it spends one of the visitor's tries.
 */
export const RECEIPT_RANDOM_DIGITS = 11;
export const RECEIPT_DIGITS = RECEIPT_RANDOM_DIGITS + 1;

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit of the payload (it sits next to the check digit).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A receipt number from 11 random digits (the server draws them with a CSPRNG). */
export function receiptNumberFrom(randomDigits: string): string {
  if (!new RegExp(`^\\d{${RECEIPT_RANDOM_DIGITS}}$`).test(randomDigits)) throw new RangeError('11 digits expected');
  return randomDigits + luhnCheckDigit(randomDigits);
}

/** What a visitor typed, without the spaces and dashes (`1234-5678-9012` → `123456789012`). */
export function normalizeReceiptNumber(typed: string): string {
  return typed.replace(/[\s\-－—]/g, '');
}

/** Null when `n` (normalized) is a well-formed receipt number, else why not (in Chinese). */
export function receiptNumberProblem(n: string): string | null {
  if (!new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(n)) return `回执编号应为 ${RECEIPT_DIGITS} 位数字`;
  if (luhnCheckDigit(n.slice(0, -1)) !== n.slice(-1)) return '回执编号有误，请核对后重新输入';
  return null;
}

/** `123456789012` → `1234-5678-9012`, as printed on the receipt. */
export function formatReceiptNumber(n: string): string {
  return n.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
}

// ─── The progress lookup's limits ────────────────────────────────────────────────────────────────

/**
 * How many wrong answers (a number that is not on record, or the wrong last four digits — the same
 * answer for both) the public progress lookup takes before it answers 429, in a rolling window:
 * - per receipt number: 5 an hour. A visitor who mistypes their digits has five tries; anyone
 *   holding someone else's number, from however many addresses, gets 5 guesses an hour at the
 *   10,000 possible last-four values. It counts every number typed, on record or not, so reaching
 *   the limit tells nothing about whether a number exists. A stranger can spend a visitor's tries for
 *   an hour — the visitor then waits, signs in as a resident, or asks at the window;
 * - per client address (an IPv6 address by its /64, as logins are): 20 an hour — bounds sweeping
 *   through numbers, yet leaves room for a family, or the visitors on the centre's own Wi-Fi,
 *   mistyping now and then.
 * A lookup while either limit is reached is refused before the record is even read, so a right
 * guess made then is not confirmed.
 */
export const PROGRESS_LOOKUP_LIMITS = {
  perReceipt: { failures: 5, windowMinutes: 60 },
  perAddress: { failures: 20, windowMinutes: 60 },
} as const;
