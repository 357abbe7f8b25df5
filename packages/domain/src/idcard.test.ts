import { describe, expect, it } from 'vitest';
import {
  birthYearShown,
  checkIdNumber,
  checkPhone,
  idCheckChar,
  idNumberFacts,
  maskIdNumber,
  maskPhone,
} from './idcard.ts';

const valid = (first17: string) => first17 + idCheckChar(first17);

describe('GB 11643 identity numbers', () => {
  it('accepts a number with the right check character (including X)', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull(); // the standard's own example
    expect(checkIdNumber(valid('41010419900307123'))).toBeNull();
    expect(checkIdNumber(valid('41010419900307123').toLowerCase())).toBeNull();
  });
  it('refuses a wrong check character, a bad date, a future date, a bad region and bad format', () => {
    const good = valid('41010419900307123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrong)).toBe('身份证号校验位不正确');
    expect(checkIdNumber(valid('41010419900230123'))).toMatch(/出生日期 19900230 无效/);
    expect(checkIdNumber(valid('41010420991231123'), new Date('2026-11-23'))).toMatch(/合理范围/);
    expect(checkIdNumber(valid('99010419900307123'))).toMatch(/地区码/);
    expect(checkIdNumber('4101041990030712')).toMatch(/18 位/);
  });
  it('derives birth date and sex', () => {
    expect(idNumberFacts(valid('41010419900307123'))).toEqual({ birthDate: '1990-03-07', gender: 'male' });
    expect(idNumberFacts(valid('41010419900307124')).gender).toBe('female');
  });
});

describe('masking and phones', () => {
  it('masks as 4101************34 and 138****1234', () => {
    expect(maskIdNumber('410104199003071234')).toBe('4101************34');
    expect(maskIdNumber('11010519491231002X')).toBe('1101************2X');
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('shows the birth year, the two youngest years as one band, by the date in Beijing', () => {
    // 2026-11-23T02:00Z is 10:00 on 23 November in Beijing.
    const today = new Date('2026-11-23T02:00:00Z');
    expect(birthYearShown('1985-06-12', today)).toBe('1985');
    expect(birthYearShown('1900-01-01', today)).toBe('1900');
    expect(birthYearShown('2024-12-31', today)).toBe('2024');
    expect(birthYearShown('2025-01-01', today)).toBe('2025–2026');
    expect(birthYearShown('2026-11-23', today)).toBe('2025–2026');
    expect(birthYearShown(null, today)).toBeNull();
    // 23:30 on 31 December in Beijing is still 2026; 00:30 on 1 January (16:30Z the day before) is 2027.
    expect(birthYearShown('2025-06-01', new Date('2026-12-31T15:30:00Z'))).toBe('2025–2026');
    expect(birthYearShown('2025-06-01', new Date('2026-12-31T16:30:00Z'))).toBe('2025');
    expect(birthYearShown('2026-06-01', new Date('2026-12-31T16:30:00Z'))).toBe('2026–2027');
    // The same on every day of a year, whatever the birthday.
    for (let d = Date.UTC(2027, 0, 1); d < Date.UTC(2028, 0, 1); d += 86_400_000)
      expect(birthYearShown('1985-06-12', new Date(d))).toBe('1985');
  });
  it('validates phones', () => {
    expect(checkPhone('138 1234 1234')).toBeNull();
    expect(checkPhone('+8613812341234')).toBeNull();
    expect(checkPhone('0371-66661234')).toBeNull();
    expect(checkPhone('12345')).toMatch(/格式不正确/);
  });
});

/**
 * Issue 12: everything shown of a person together — the masked number, the birth year, the sex,
 * and (at worst) the whole 6-digit region code of the village shown beside them — must leave at
 * least 1,000 valid identity numbers, on any day and over views of many days combined. The
 * enumeration below is the attacker's: it knows GB 11643 (the weights and check characters are
 * written out here, not taken from idcard.ts) and the display rule (its own year arithmetic on
 * Beijing dates), and tries every birth date and sequence number.
 */
describe('a masked number and what is shown beside it leave at least 1,000 candidates', () => {
  const WEIGHTS_BY_HAND = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const CHECK_BY_HAND = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
  const weighted = (digits: string, from: number) =>
    [...digits].reduce((sum, d, i) => sum + Number(d) * (WEIGHTS_BY_HAND[from + i] as number), 0);
  const DAY = 86_400_000;

  /** Every calendar date from 1900-01-01 to 2029-12-31, as YYYYMMDD; a date's index is its day number. */
  const DATES: string[] = [];
  for (let d = Date.UTC(1900, 0, 1); d <= Date.UTC(2029, 11, 31); d += DAY)
    DATES.push(new Date(d).toISOString().slice(0, 10).replace(/-/g, ''));
  const YEAR_OF = DATES.map((ymd) => Number(ymd.slice(0, 4)));
  const dayOf = (ymd: string) => DATES.indexOf(ymd.replace(/-/g, ''));
  /** The test's "today", a Beijing date. */
  const TODAY = dayOf('20261123');

  /**
   * What a reader sees on one Beijing day. The attacker's display rule: a birth year `by` seen in
   * calendar year `cy` reads "cy-1–cy" if by ≥ cy - 1, else the year.
   */
  interface View {
    day: number;
    birthYear?: string | null;
    birthDate?: string;
  }
  interface Visible {
    mask: string;
    region: string;
    gender: 'male' | 'female';
    views: View[];
  }
  function fitsView(date: number, v: View): boolean {
    if (date > v.day) return false; // no one is shown before they are born
    if (v.birthDate !== undefined) return DATES[date] === v.birthDate.replace(/-/g, '');
    const cy = YEAR_OF[v.day] as number;
    const by = YEAR_OF[date] as number;
    return by >= cy - 1 ? v.birthYear === `${cy - 1}–${cy}` : v.birthYear === String(by);
  }

  /** The valid numbers consistent with everything visible on every view: how many, and whether `id` is one. */
  function candidates(v: Visible, id?: string): { n: number; includes: boolean } {
    const [first, ...rest] = v.views as [View, ...View[]];
    let dates: number[] = [];
    for (let d = 0; d <= first.day; d++) if (fitsView(d, first)) dates.push(d);
    for (const view of rest) dates = dates.filter((d) => fitsView(d, view));
    const fits = (s: string, from: number) =>
      [...s].every((c, i) => v.mask[from + i] === '*' || v.mask[from + i] === c);
    if (v.region.length !== 6 || !fits(v.region, 0)) return { n: 0, includes: false };
    const regionSum = weighted(v.region, 0);
    const seqs: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const seq = String(n).padStart(3, '0');
      if (fits(seq, 14) && (Number(seq[2]) % 2 === 1) === (v.gender === 'male')) seqs.push(seq);
    }
    let n = 0;
    let includes = false;
    for (const d of dates) {
      const ymd = DATES[d] as string;
      if (!fits(ymd, 6)) continue;
      const base = regionSum + weighted(ymd, 6);
      for (const seq of seqs) {
        const check = CHECK_BY_HAND[(base + weighted(seq, 14)) % 11] as string;
        if (!fits(check, 17)) continue;
        n++;
        if (id === `${v.region}${ymd}${seq}${check}`) includes = true;
      }
    }
    return { n, includes };
  }

  /** An instant on Beijing day `day`: five past midnight or five to midnight, so the time zone matters. */
  function instant(day: number, late: boolean): Date {
    const ymd = DATES[day] as string;
    const midnightBeijing =
      Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6))) - 8 * 3600_000;
    return new Date(midnightBeijing + (late ? 23 * 60 + 55 : 5) * 60_000);
  }

  /** What the server shows of a resident with this number on each of these days, and the region a reader may infer. */
  function shown(id: string, days: number[]): Visible {
    const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const views = days.map((day) => ({ day, birthYear: birthYearShown(birthDate, instant(day, day % 2 === 1)) }));
    return {
      mask: maskIdNumber(id),
      region: id.slice(0, 6),
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      views,
    };
  }
  const span = (from: number, days: number) => Array.from({ length: days }, (_, i) => from + i);

  // A small deterministic generator (mulberry32), so a failure names a number that can be re-run.
  function rng(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const REGIONS = ['410104', '410105', '110105', '440305', '650102', '820000'];
  /** Numbers born on or before TODAY: the edges first, then random ones. */
  function sample(n: number): string[] {
    const r = rng(12);
    const seq = () => String(Math.floor(r() * 1000)).padStart(3, '0');
    const ids: string[] = [];
    // Born today, on 1 January of this year, on 31 December and 1 January of last year, on the
    // last day of the year before, on 29 February, on the first valid day.
    for (const ymd of [
      '20261123',
      '20260101',
      '20251231',
      '20250101',
      '20241231',
      '20240229',
      '20000229',
      '19000101',
      '19001231',
      '19851123',
    ]) {
      ids.push(valid(`410104${ymd}${seq()}`));
    }
    while (ids.length < n)
      ids.push(valid(`${REGIONS[Math.floor(r() * REGIONS.length)]}${DATES[Math.floor(r() * (TODAY + 1))]}${seq()}`));
    return ids;
  }

  it('on any one day: at least 365 × 9 for generated valid numbers, including the edges, around New Year', () => {
    const ids = sample(120);
    for (const id of ids) expect(checkIdNumber(id, instant(TODAY, true))).toBeNull();
    // Today, the last minutes of the year, the first minutes of the next, and two days later.
    for (const day of [TODAY, dayOf('20261231'), dayOf('20270101'), dayOf('20270103')]) {
      const few = ids
        .map((id) => ({ id, day: DATES[day], ...candidates(shown(id, [day]), id) }))
        .filter((x) => x.n < 365 * 9 || !x.includes);
      expect(few).toEqual([]);
    }
  });

  it('over every day of two years combined: still at least 1,000', () => {
    // The reader sees the record on every day from TODAY to two years later, across two New Years
    // (the band becomes a year, and last year's babies join the band), and intersects.
    const days = span(TODAY, 731);
    const few = sample(60)
      .map((id) => ({ id, ...candidates(shown(id, days), id) }))
      .filter((x) => x.n < 1000 || !x.includes);
    expect(few).toEqual([]);
  });

  it('views of a baby combined: at least 1,000 if first seen 112 days or more into its birth year', () => {
    // Born and first seen on 22 April 2027 (day 112), then seen every day for two years, until
    // "2027" is shown alone: 1 January to 22 April is left, 112 dates × at least 9.
    const april = valid('41010420270422123');
    const late = candidates(shown(april, span(dayOf('20270422'), 731)), april);
    expect(late.includes).toBe(true);
    expect(late.n).toBeGreaterThanOrEqual(1000);
    // The limit of any display of the birth (idcard.ts): seen on the day after a birth on 2 January,
    // and again once the year is shown alone, only 1 and 2 January are left.
    const january = valid('41010420270102123');
    expect(candidates(shown(january, [dayOf('20270103'), dayOf('20290101')]), january).n).toBeLessThan(1000);
  });

  it('by hand for two numbers: 9 or 10 sequence pairs for each possible birth date', () => {
    // 410104 19850612 345 9: "1985" leaves the 365 days of 1985.
    const n = candidates(shown('410104198506123459', [TODAY])).n;
    expect(n).toBeGreaterThanOrEqual(365 * 9);
    expect(n).toBeLessThanOrEqual(365 * 10);
    // Born 2 January 2026, seen 3 January 2026: "2025–2026" leaves 2025-01-01 … 2026-01-03, 368 days.
    const baby = valid('41010420260102123');
    const m = candidates(shown(baby, [dayOf('20260103')]), baby);
    expect(m.includes).toBe(true);
    expect(m.n).toBeGreaterThanOrEqual(368 * 9);
    expect(m.n).toBeLessThanOrEqual(368 * 10);
  });

  it('an age would give the birthday away; the old rule (first 4 and last 4 beside the full birth date) left one', () => {
    const old = candidates({
      mask: '4101**********3459',
      region: '410104',
      gender: 'male',
      views: [{ day: TODAY, birthDate: '1985-06-12' }],
    }).n;
    expect(old).toBe(1);
    // An age seen on 11 and 12 June (41 turning 42 — the attacker's own age arithmetic) pins the date.
    const ageOn = (birth: number, day: number) =>
      (YEAR_OF[day] as number) -
      (YEAR_OF[birth] as number) -
      ((DATES[day] as string).slice(4) < (DATES[birth] as string).slice(4) ? 1 : 0);
    const [d1, d2] = [dayOf('20270611'), dayOf('20270612')];
    const born = dayOf('19850612');
    const dates = DATES.map((_, d) => d).filter(
      (d) => d <= d1 && ageOn(d, d1) === ageOn(born, d1) && ageOn(d, d2) === ageOn(born, d2),
    );
    expect(dates.map((d) => DATES[d])).toEqual(['19850612']);
  });
});
