import { describe, expect, it } from 'vitest';
import { ageShown, checkIdNumber, checkPhone, idCheckChar, idNumberFacts, maskIdNumber, maskPhone } from './idcard.ts';

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
  it('shows the age in whole years on the day in China, 100 meaning 100 or older', () => {
    // 2026-11-23T02:00Z is 10:00 on 23 November in Beijing.
    const today = new Date('2026-11-23T02:00:00Z');
    expect(ageShown('1985-06-12', today)).toBe(41);
    expect(ageShown('1985-11-23', today)).toBe(41);
    expect(ageShown('1985-11-24', today)).toBe(40);
    expect(ageShown('2026-11-23', today)).toBe(0);
    expect(ageShown('1926-11-23', today)).toBe(100);
    expect(ageShown('1900-01-01', today)).toBe(100);
    // 23:30 UTC on 22 November is already the 23rd in Beijing.
    expect(ageShown('1985-11-23', new Date('2026-11-22T23:30:00Z'))).toBe(41);
  });
  it('validates phones', () => {
    expect(checkPhone('138 1234 1234')).toBeNull();
    expect(checkPhone('+8613812341234')).toBeNull();
    expect(checkPhone('0371-66661234')).toBeNull();
    expect(checkPhone('12345')).toMatch(/格式不正确/);
  });
});

/**
 * Issue 12: everything shown of a person together — the masked number, the age, the sex, and (at
 * worst) the whole 6-digit region code of the village shown beside them — must leave at least
 * 1,000 valid identity numbers. The enumeration below is the attacker's: it knows GB 11643 (the
 * weights and check characters are written out here, not taken from idcard.ts) and tries every
 * birth date and sequence number.
 */
describe('a masked number and what is shown beside it leave at least 1,000 candidates', () => {
  const WEIGHTS_BY_HAND = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const CHECK_BY_HAND = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
  const weighted = (digits: string, from: number) => [...digits].reduce((sum, d, i) => sum + Number(d) * (WEIGHTS_BY_HAND[from + i] as number), 0);
  // Beijing's date on the test's "today".
  const TODAY = new Date('2026-11-23T02:00:00Z');
  const TODAY_YMD = '20261123';

  /** Every valid birth date (1900-01-01 to today) as YYYYMMDD. */
  const ALL_DATES: string[] = [];
  for (let d = Date.UTC(1900, 0, 1); ; d += 86_400_000) {
    const ymd = new Date(d).toISOString().slice(0, 10).replace(/-/g, '');
    if (ymd > TODAY_YMD) break;
    ALL_DATES.push(ymd);
  }
  /** The attacker's own age arithmetic: whole years from the birth date to TODAY_YMD. */
  const ageOf = (ymd: string) => Number(TODAY_YMD.slice(0, 4)) - Number(ymd.slice(0, 4)) - (TODAY_YMD.slice(4) < ymd.slice(4) ? 1 : 0);

  interface Visible {
    mask: string;
    region: string;
    gender: 'male' | 'female';
    age?: number;
    ageAtLeast?: number;
    birthDate?: string;
  }

  /** Counts the valid numbers consistent with everything visible. */
  function candidates(v: Visible): number {
    const dates = ALL_DATES.filter((ymd) =>
      v.birthDate !== undefined ? ymd === v.birthDate.replace(/-/g, '') : v.ageAtLeast !== undefined ? ageOf(ymd) >= v.ageAtLeast : v.age === undefined || ageOf(ymd) === v.age,
    );
    const fits = (s: string, from: number) => [...s].every((c, i) => v.mask[from + i] === '*' || v.mask[from + i] === c);
    if (v.region.length !== 6 || !fits(v.region, 0)) return 0;
    const regionSum = weighted(v.region, 0);
    const seqs: number[] = [];
    for (let n = 0; n < 1000; n++) {
      const seq = String(n).padStart(3, '0');
      if (fits(seq, 14) && (Number(seq[2]) % 2 === 1) === (v.gender === 'male')) seqs.push(weighted(seq, 14));
    }
    let count = 0;
    for (const ymd of dates) {
      if (!fits(ymd, 6)) continue;
      const base = regionSum + weighted(ymd, 6);
      for (const seqSum of seqs) if (fits(CHECK_BY_HAND[(base + seqSum) % 11] as string, 17)) count++;
    }
    return count;
  }

  /** What the server shows of a resident with this number, and the region a reader may infer. */
  function shown(id: string): Visible {
    const age = ageShown(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, TODAY);
    const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
    return { mask: maskIdNumber(id), region: id.slice(0, 6), gender, ...(age >= 100 ? { ageAtLeast: 100 } : { age }) };
  }

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
  function sample(n: number): string[] {
    const r = rng(12);
    const ids: string[] = [];
    // The edges: born today, on the first valid day, on 29 February, the day after a birthday, a centenarian's window.
    for (const ymd of ['20261123', '19000101', '20000229', '19851124', '19851123', '19261124', '19261123', '20260101', '20251124']) {
      ids.push(valid(`410104${ymd}${String(Math.floor(r() * 1000)).padStart(3, '0')}`));
    }
    while (ids.length < n) {
      const ymd = ALL_DATES[Math.floor(r() * ALL_DATES.length)] as string;
      ids.push(valid(`${REGIONS[Math.floor(r() * REGIONS.length)]}${ymd}${String(Math.floor(r() * 1000)).padStart(3, '0')}`));
    }
    return ids;
  }

  it('for generated valid numbers, including the edges of the date range', () => {
    const ids = sample(150);
    const few = ids.map((id) => ({ id, n: candidates(shown(id)) })).filter((x) => x.n < 1000);
    expect(few).toEqual([]);
    // The enumeration counts the number itself among the candidates.
    for (const id of ids.slice(0, 20)) expect(checkIdNumber(id, TODAY)).toBeNull();
  });

  it('by hand for one number: 9 or 10 sequence pairs for each of 365 birth dates', () => {
    // 410104 19850612 345 9: age 41 on 2026-11-23, so born 1984-11-24 … 1985-11-23 (365 days).
    const n = candidates(shown('410104198506123459'));
    expect(n).toBeGreaterThanOrEqual(365 * 9);
    expect(n).toBeLessThanOrEqual(365 * 10);
  });

  it('the old rule (first 4 and last 4 beside the full birth date) left a handful', () => {
    const old = candidates({ mask: '4101**********3459', region: '410104', gender: 'male', birthDate: '1985-06-12' });
    expect(old).toBe(1);
  });
});
