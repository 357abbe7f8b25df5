import { describe, expect, it } from 'vitest';
import { checkInProblem, isClaimable, minutesServed, volunteerPoints } from './forces.ts';
import { STARTER_CATALOGUE } from './items-catalogue.ts';

/* Expected values worked out by hand. */
const t = (hhmm: string) => new Date(`2026-03-07T${hhmm}:00+08:00`);
const shift = { startsAt: t('09:00'), endsAt: t('11:30') };

describe('volunteer hours (志愿服务时长)', () => {
  it.each([
    ['09:10', '11:55', 140], // capped at the end: 09:10–11:30
    ['08:40', '10:00', 60], // early arrival counts from the start
    ['09:00', '11:30', 150],
    ['11:40', '12:00', 0], // after the end
    ['10:00', '09:30', 0], // out before in: never negative
  ])('in %s, out %s → %d minutes', (inAt, outAt, minutes) => {
    expect(minutesServed(t(inAt), t(outAt), shift)).toBe(minutes);
  });
});

describe('volunteer points (志愿积分, local practice)', () => {
  it('counts whole quarter hours at 10 an hour and 5 per confirmed self-handled problem', () => {
    expect(volunteerPoints(140, 2)).toBe(32.5); // 9 quarters = 22.5, + 2 × 5
    expect(volunteerPoints(14, 0)).toBe(0);
    expect(volunteerPoints(60, 0)).toBe(10);
    expect(volunteerPoints(0, 3)).toBe(15);
    expect(volunteerPoints(120, 1, { perHour: 6, perSelfHandled: 2 })).toBe(14);
  });
});

describe('check-in on site (到场签到)', () => {
  const place = { lon: 113.6254, lat: 34.7466, ...shift };
  it('accepts within 200 m and records the distance', () => {
    expect(checkInProblem({ lon: 113.6254, lat: 34.7476 }, t('09:05'), place)).toEqual({
      distanceM: 111,
      problem: null,
    });
  });
  it('refuses too far, too early and after the end', () => {
    expect(checkInProblem({ lon: 113.6254, lat: 34.7486 }, t('09:05'), place)).toEqual({
      distanceM: 222,
      problem: 'too_far',
    });
    expect(checkInProblem(place, t('08:31'), place).problem).toBe(null);
    expect(checkInProblem(place, t('08:29'), place).problem).toBe('too_early');
    expect(checkInProblem(place, t('11:30'), place).problem).toBe('ended');
  });
});

describe('市民认领: claimable items and cases', () => {
  it('marks litter, small adverts and a blocked drain grate in the starter catalogue, nothing else', () => {
    expect(STARTER_CATALOGUE.filter((i) => i.claimable).map((i) => i.code)).toEqual(['01001', '01004', '02007']);
  });
  it('lets a claimable case be claimed only while new or accepted', () => {
    expect(isClaimable({ claimable: true, state: 'reported' })).toBe(true);
    expect(isClaimable({ claimable: true, state: 'accepted' })).toBe(true);
    expect(isClaimable({ claimable: true, state: 'dispatched' })).toBe(false);
    expect(isClaimable({ claimable: false, state: 'reported' })).toBe(false);
  });
});
