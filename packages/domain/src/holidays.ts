/**
 * China's public-holiday arrangements (法定节假日与调休), as published each year by the General
 * Office of the State Council (国务院办公厅关于某年部分节假日安排的通知). Plain data: the working
 * calendar (calendar.ts) turns it into per-date overrides, and an admin may edit the result.
 *
 * `rest` lists the dates off (inclusive ranges, weekends inside a range included so the period reads
 * as announced); `work` lists the adjusted working days (调休上班日) that fall on a Saturday or Sunday.
 */
export interface HolidayPeriod {
  /** Chinese name of the festival, e.g. 春节. */
  name: string;
  /** Inclusive local-date ranges of rest days, 'YYYY-MM-DD'. */
  rest: ReadonlyArray<readonly [from: string, to: string]>;
  /** Weekend dates that become working days for this festival. */
  work: readonly string[];
}

export interface HolidayYear {
  year: number;
  /** True when no official notice existed when the data was written: an estimate to be checked. */
  provisional: boolean;
  source: string;
  periods: readonly HolidayPeriod[];
}

/** 2025 — 国办发明电〔2024〕12号 (the first year under the revised 全国年节及纪念日放假办法). */
const YEAR_2025: HolidayYear = {
  year: 2025,
  provisional: false,
  source: '国务院办公厅关于2025年部分节假日安排的通知',
  periods: [
    { name: '元旦', rest: [['2025-01-01', '2025-01-01']], work: [] },
    { name: '春节', rest: [['2025-01-28', '2025-02-04']], work: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', rest: [['2025-04-04', '2025-04-06']], work: [] },
    { name: '劳动节', rest: [['2025-05-01', '2025-05-05']], work: ['2025-04-27'] },
    { name: '端午节', rest: [['2025-05-31', '2025-06-02']], work: [] },
    { name: '国庆节、中秋节', rest: [['2025-10-01', '2025-10-08']], work: ['2025-09-28', '2025-10-11'] },
  ],
};

/** 2026 — the State Council notice for 2026. */
const YEAR_2026: HolidayYear = {
  year: 2026,
  provisional: false,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  periods: [
    { name: '元旦', rest: [['2026-01-01', '2026-01-03']], work: ['2026-01-04'] },
    { name: '春节', rest: [['2026-02-15', '2026-02-23']], work: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', rest: [['2026-04-04', '2026-04-06']], work: [] },
    { name: '劳动节', rest: [['2026-05-01', '2026-05-05']], work: ['2026-05-09'] },
    { name: '端午节', rest: [['2026-06-19', '2026-06-21']], work: [] },
    { name: '中秋节', rest: [['2026-09-25', '2026-09-27']], work: [] },
    { name: '国庆节', rest: [['2026-10-01', '2026-10-07']], work: ['2026-09-20', '2026-10-10'] },
  ],
};

/**
 * 2027 — PROVISIONAL (暂定). No notice had been published when this was written: these dates are an
 * estimate from the lunar calendar (除夕 Feb 5, 清明 Apr 5, 端午 Jun 9, 中秋 Sep 15) and the pattern of
 * the 2025–2026 notices. The admin must replace them with the official arrangement once it appears.
 */
const YEAR_2027: HolidayYear = {
  year: 2027,
  provisional: true,
  source: '暂定（估计），待国务院办公厅2027年节假日安排通知发布后由管理员核对修改',
  periods: [
    { name: '元旦', rest: [['2027-01-01', '2027-01-03']], work: [] },
    { name: '春节', rest: [['2027-02-05', '2027-02-12']], work: ['2027-01-31', '2027-02-20'] },
    { name: '清明节', rest: [['2027-04-03', '2027-04-05']], work: [] },
    { name: '劳动节', rest: [['2027-05-01', '2027-05-05']], work: ['2027-05-08'] },
    { name: '端午节', rest: [['2027-06-09', '2027-06-09']], work: [] },
    { name: '中秋节', rest: [['2027-09-15', '2027-09-15']], work: [] },
    { name: '国庆节', rest: [['2027-10-01', '2027-10-07']], work: ['2027-09-26', '2027-10-09'] },
  ],
};

export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [YEAR_2025, YEAR_2026, YEAR_2027];

/** One dated override of the normal week, with the Chinese name shown to staff. */
export interface DatedEntry {
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;

/** Every date of an inclusive 'YYYY-MM-DD' range; pure UTC arithmetic so the machine's zone never matters. */
function expandRange(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** Flattens holiday years into the calendar's two override lists, sorted by date. */
export function holidayOverrides(years: readonly HolidayYear[] = CHINA_HOLIDAY_YEARS): {
  holidays: DatedEntry[];
  adjustedWorkdays: DatedEntry[];
} {
  const holidays: DatedEntry[] = [];
  const adjustedWorkdays: DatedEntry[] = [];
  for (const year of years) {
    for (const period of year.periods) {
      for (const [from, to] of period.rest) {
        for (const date of expandRange(from, to)) holidays.push({ date, name: period.name });
      }
      for (const date of period.work) adjustedWorkdays.push({ date, name: `${period.name}调休上班` });
    }
  }
  const byDate = (a: DatedEntry, b: DatedEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { holidays: holidays.sort(byDate), adjustedWorkdays: adjustedWorkdays.sort(byDate) };
}
