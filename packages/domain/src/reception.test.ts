import { describe, expect, it } from 'vitest';
import { CASE_STATES } from './cases.ts';
import { DISPUTE_STATES } from './disputes.ts';
import {
  CATEGORY_DEFAULT_TRACK,
  PROGRESS_LOOKUP_LIMITS,
  RECEPTION_TRACKS,
  RECEPTION_TRACK_RULES,
  UNKNOWN_PROGRESS,
  formatReceiptNumber,
  luhnCheckDigit,
  normalizeReceiptNumber,
  publicProgressOf,
  receiptNumberFrom,
  receiptNumberProblem,
} from './reception.ts';
import { registerVisitBodySchema } from './reception-contracts.ts';

describe('the receipt number', () => {
  it('ends with the Luhn check digit of its 11 random digits', () => {
    // The textbook example (ISO/IEC 7812): 7992739871 → 3.
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(receiptNumberFrom('00000000000')).toBe('000000000000');
    // Rightmost payload digit doubled: 1 → 2, so 10 − 2 = 8.
    expect(receiptNumberFrom('00000000001')).toBe('000000000018');
    // 9 → 18 → 9; 10 − 9 = 1.
    expect(receiptNumberFrom('00000000009')).toBe('000000000091');
    expect(() => receiptNumberFrom('1234')).toThrow(RangeError);
  });

  it('is printed in groups of four and read back with or without the dashes', () => {
    expect(formatReceiptNumber('123456789012')).toBe('1234-5678-9012');
    expect(normalizeReceiptNumber(' 1234-5678 9012 ')).toBe('123456789012');
    expect(normalizeReceiptNumber('1234－5678—9012')).toBe('123456789012');
  });

  it('catches a mistyped digit and a swapped pair before a lookup is spent', () => {
    expect(receiptNumberProblem('000000000018')).toBeNull();
    expect(receiptNumberProblem('000000000019')).toBe('回执编号有误，请核对后重新输入');
    expect(receiptNumberProblem('000000000108')).toBe('回执编号有误，请核对后重新输入');
    expect(receiptNumberProblem('00000000018')).toBe('回执编号应为 12 位数字');
    expect(receiptNumberProblem('00000000001a')).toBe('回执编号应为 12 位数字');
  });
});

describe('the tracks', () => {
  it('allow an anonymous visitor only for legal advice', () => {
    expect(RECEPTION_TRACKS.filter((t) => RECEPTION_TRACK_RULES[t].anonymousAllowed)).toEqual(['legal_advice']);
  });

  it('close legal advice and referrals at the window, and open a record for the others', () => {
    expect(RECEPTION_TRACKS.filter((t) => RECEPTION_TRACK_RULES[t].closedAtOnce)).toEqual(['legal_advice', 'referral']);
    expect(RECEPTION_TRACKS.map((t) => RECEPTION_TRACK_RULES[t].record)).toEqual([
      'case',
      'dispute',
      'petition',
      null,
      null,
    ]);
  });

  it('propose a track for each category, none for 其他', () => {
    expect(CATEGORY_DEFAULT_TRACK).toEqual({
      report_problem: 'case',
      dispute: 'dispute',
      petition: 'petition',
      legal_consultation: 'legal_advice',
      psychological: 'referral',
      assistance: 'referral',
      other: null,
    });
  });
});

describe('what a visitor sees of the progress', () => {
  it('maps the internal states to short public labels', () => {
    const seen = (track: (typeof RECEPTION_TRACKS)[number], state: string) => {
      const p = publicProgressOf(track, state);
      return [p.label, p.step, p.outcome];
    };
    expect(seen('case', 'reported')).toEqual(['已登记，等待受理', 0, 'open']);
    expect(seen('case', 'handling')).toEqual(['办理中', 2, 'open']);
    expect(seen('case', 'closed')).toEqual(['已办结', 3, 'done']);
    expect(seen('case', 'rejected')).toEqual(['不予受理', 1, 'stopped']);
    expect(seen('dispute', 'registered')).toEqual(['已登记，等待受理', 0, 'open']);
    expect(seen('dispute', 'mediating')).toEqual(['调解中', 2, 'open']);
    expect(seen('dispute', 'failed')).toEqual(['调解未成，已告知其他解决途径', 3, 'stopped']);
    expect(seen('legal_advice', 'answered')).toEqual(['已当场解答', 1, 'done']);
    expect(seen('referral', 'referred')).toEqual(['已转介至接收机构', 1, 'done']);
  });

  it('knows every case and dispute state', () => {
    for (const s of CASE_STATES) expect(publicProgressOf('case', s), s).not.toBe(UNKNOWN_PROGRESS);
    for (const s of DISPUTE_STATES) expect(publicProgressOf('dispute', s), s).not.toBe(UNKNOWN_PROGRESS);
  });

  it('shows an unknown state as 办理中, never by its internal name', () => {
    expect(publicProgressOf('petition', 'some_new_state')).toEqual({ label: '办理中', step: 1, outcome: 'open' });
    expect(publicProgressOf('case', 'toString')).toBe(UNKNOWN_PROGRESS);
  });

  it('labels are Chinese only (no internal code) and each step lies within its track', () => {
    for (const track of RECEPTION_TRACKS) {
      const rule = RECEPTION_TRACK_RULES[track];
      for (const [state, p] of Object.entries(rule.progress)) {
        expect(p.label, `${track}.${state}`).not.toMatch(/[A-Za-z_]/);
        expect(p.label.length, `${track}.${state}`).toBeLessThanOrEqual(16);
        expect(p.step, `${track}.${state}`).toBeLessThan(rule.steps.length);
      }
    }
  });
});

describe('the lookup limits', () => {
  it('are 5 failures an hour per number and 20 an hour per address', () => {
    expect(PROGRESS_LOOKUP_LIMITS).toEqual({
      perReceipt: { failures: 5, windowMinutes: 60 },
      perAddress: { failures: 20, windowMinutes: 60 },
    });
  });
});

describe('the visit form', () => {
  const base = { idempotencyKey: 'visit-0001', category: 'dispute', matter: '邻居漏水' } as const;
  const person = { anonymous: false, name: '王五', phone: '13800001111' } as const;

  it('needs the visitor phone unless anonymous', () => {
    const noPhone = registerVisitBodySchema.safeParse({
      ...base,
      visitor: { anonymous: false, name: '王五' },
      route: { track: 'referral', bodyKind: 'legal_aid', bodyName: '区法律援助中心' },
    });
    expect(noPhone.success).toBe(false);
    const anonymous = registerVisitBodySchema.safeParse({
      ...base,
      visitor: { anonymous: true },
      route: { track: 'legal_advice', adviserKind: 'lawyer', adviserName: '值班律师', answer: '可以起诉' },
    });
    expect(anonymous.success).toBe(true);
  });

  it('asks each track for its own fields', () => {
    const dispute = registerVisitBodySchema.safeParse({
      ...base,
      visitor: person,
      route: { track: 'dispute', typeCode: 'neighbour', regionId: crypto.randomUUID() },
    });
    expect(dispute.success).toBe(true);
    const adviceWithoutAnswer = registerVisitBodySchema.safeParse({
      ...base,
      visitor: person,
      route: { track: 'legal_advice', adviserKind: 'lawyer', adviserName: '值班律师' },
    });
    expect(adviceWithoutAnswer.success).toBe(false);
    const caseWithoutPlace = registerVisitBodySchema.safeParse({
      ...base,
      visitor: person,
      route: { track: 'case', itemCode: '01001' },
    });
    expect(caseWithoutPlace.success).toBe(false);
  });
});
