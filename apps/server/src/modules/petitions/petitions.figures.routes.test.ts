import { idCheckChar } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/*
 * The petition figures for March 2026 against a fixture counted by hand. Eight petitions, built through
 * the API on their own dates (Beijing time):
 *
 *  P5 明德  registered 01-05, accepted 01-06, answered 01-20, 复查 asked 02-10, decided 03-10, 复核 asked 03-20
 *  P6 明德  registered 01-10, accepted 01-12 (Mon): 60 days → Fri 03-13, still unanswered at the period's end
 *  P7 明德  registered 02-01, accepted 02-02, answered 03-30 (limit Fri 04-03), 复查 asked 03-31
 *  P1 明德  letter 03-02, accepted 03-05, answered 03-20 — and repeated by the same person on 03-25 (P3)
 *  P2 明德  visit of 6 people 03-02, accepted 03-18 (its 15 days ended with 03-17: late, with the reason)
 *  P4 格物街道 03-02, never decided (past 03-17 at the period's end), taken by the leader 03-03, supervised 03-20
 *  P3 明德  03-25, the repeat of P1 (15 days → Thu 04-09: not yet due)
 *  Q1 知行街道·笃行社区 03-03, sent to the court (诉访分离) 03-04
 *
 * 格物街道 in March: registered P1 P2 P3 P4 = 4 (collective P2, repeat P3); intakes decided P1 on time,
 * P2 late, + P4 undecided past its limit → 1/3; answered P1 P7 on time + P6 open past its limit → 2/3;
 * resolved at first handling: P1 was petitioned again, P7 went to 复查 → 0/2; 复查 asked: P7 → 1/2;
 * 复查 decided: P5, whose 复核 was asked → 1/1; taken 1, supervised 1.
 */

let t: TestApp;
let dispatcher: Session;
let leader: Session;
let zhixing: Session;
const ids: Record<string, string> = {};
const versions = async (id: string, s: Session) =>
  (await t.app.inject({ method: 'GET', url: `/api/petitions/${id}`, ...as(s) })).json().version as number;
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
let logins = 0;
const signedIn = (username: string) => login(t.app, username, undefined, `10.43.${++logins % 250}.${logins % 7}`);
const person = (n: number) => {
  const body = `41010419660101${String(n).padStart(3, '0')}`;
  return { name: `信访人${n}`, idNumber: body + idCheckChar(body) };
};
const opinion = { facts: '经查', opinion: '处理如下', basis: '有关规定' };

async function on(local: string) {
  t.clock.set(at(local));
  dispatcher = await signedIn('dispatcher');
  leader = await signedIn('leader');
  zhixing = await signedIn('zhixing_centre');
}
async function register(name: string, regionCode: string, more: object = {}, s: Session = dispatcher) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/petitions',
    ...as(s),
    payload: {
      channel: 'letter',
      regionId: await regionIdByCode(t.database, regionCode),
      summary: `信访事项 ${name}`,
      matterType: 'other',
      respondent: '某单位',
      subjectObject: `事项 ${name}`,
      petitioners: [person(Object.keys(ids).length + 1)],
      ...more,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id;
  return res.json();
}
async function act(name: string, action: string, more: object = {}, s: Session = dispatcher) {
  const id = ids[name] as string;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/petitions/${id}/actions`,
    ...as(s),
    payload: { action, version: await versions(id, s), ...more },
  });
  expect(res.statusCode, `${name} ${action}: ${res.body}`).toBe(200);
}
async function figures(s: Session, by: 'township' | 'village') {
  const from = encodeURIComponent('2026-03-01T00:00:00+08:00');
  const to = encodeURIComponent('2026-04-01T00:00:00+08:00');
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/petition-figures?from=${from}&to=${to}&by=${by}`,
    ...as(s),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const r = (numerator: number, denominator: number, rate: number | null) => ({ numerator, denominator, rate });
const counts = (c: Partial<Record<string, number>>) => ({
  registered: 0,
  collective: 0,
  accepted: 0,
  answered: 0,
  reviewRequested: 0,
  reexaminationRequested: 0,
  taken: 0,
  supervised: 0,
  ...c,
});

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'zhixing_centre', role: 'dispatcher', regionCode: '410104002' });
  const MINGDE = '410104001001';
  await on('2026-01-05 10:00');
  await register('P5', MINGDE);
  await on('2026-01-06 10:00');
  await act('P5', 'intake', { findings: {} });
  await on('2026-01-10 10:00');
  await register('P6', MINGDE);
  await on('2026-01-12 10:00');
  await act('P6', 'intake', { findings: {} });
  await on('2026-01-20 10:00');
  await act('P5', 'reply', opinion);
  await on('2026-02-01 10:00');
  await register('P7', MINGDE);
  await on('2026-02-02 10:00');
  await act('P7', 'intake', { findings: {} });
  await on('2026-02-10 10:00');
  await act('P5', 'request_review');
  await on('2026-03-02 10:00');
  await register('P1', MINGDE, { subjectObject: '明德路 9 号', petitioners: [person(90)] });
  await register('P2', MINGDE, { channel: 'visit', headcount: 6, petitioners: [person(91), person(92)] });
  await register('P4', '410104001');
  await on('2026-03-03 10:00');
  await act('P4', 'take', {}, leader);
  await register('Q1', '410104002001', {}, zhixing);
  await on('2026-03-04 10:00');
  await act('Q1', 'intake', { findings: { belongsToLitigation: true } }, zhixing);
  await on('2026-03-05 10:00');
  await act('P1', 'intake', { findings: {} });
  await on('2026-03-10 10:00');
  await act('P5', 'decide_review', { ...opinion, outcome: 'upheld' });
  await on('2026-03-18 09:00');
  await act('P2', 'intake', { findings: {}, lateReason: '来访登记后材料补正延误' });
  await on('2026-03-20 10:00');
  await act('P1', 'reply', opinion);
  await act('P4', 'supervise', { note: '请立即受理' }, leader);
  await act('P5', 'request_reexamination');
  await on('2026-03-25 10:00');
  const p3 = await register('P3', MINGDE, { subjectObject: '明德路 9 号', petitioners: [person(90)] });
  expect(p3.repeatOfId).toBe(ids.P1);
  await on('2026-03-30 10:00');
  await act('P7', 'reply', opinion);
  await on('2026-03-31 10:00');
  await act('P7', 'request_review');
  await on('2026-04-10 10:00');
}, 300_000); // builds eight petitions over three months through the API: slow on a loaded 2-core machine
afterAll(async () => {
  await t.close();
});

const GEWU_ROW = {
  key: '/41/4101/410104/410104001/',
  name: '格物街道',
  counts: counts({
    registered: 4,
    collective: 1,
    accepted: 2,
    answered: 2,
    reviewRequested: 1,
    reexaminationRequested: 1,
    taken: 1,
    supervised: 1,
  }),
  rates: {
    intakeOnTime: r(1, 3, 0.3333),
    handledOnTime: r(2, 3, 0.6667),
    resolvedFirstTime: r(0, 2, 0),
    repeat: r(1, 4, 0.25),
    review: r(1, 2, 0.5),
    reexamination: r(1, 1, 1),
  },
};

describe('petition figures for a period (each rate with its numerator and denominator)', () => {
  it('match the hand count per township for the centre and, with the other township, for the county leader', async () => {
    const own = await figures(dispatcher, 'township');
    expect(own.items).toEqual([GEWU_ROW]);
    const county = await figures(leader, 'township');
    expect(county.items).toEqual([
      GEWU_ROW,
      {
        key: '/41/4101/410104/410104002/',
        name: '知行街道',
        counts: counts({ registered: 1 }),
        rates: {
          intakeOnTime: r(1, 1, 1),
          handledOnTime: r(0, 0, null),
          resolvedFirstTime: r(0, 0, null),
          repeat: r(0, 1, 0),
          review: r(0, 0, null),
          reexamination: r(0, 0, null),
        },
      },
    ]);
    expect(county.total).toEqual({
      key: '/41/4101/410104/',
      name: '管城回族区',
      counts: { ...GEWU_ROW.counts, registered: 5 },
      rates: {
        intakeOnTime: r(2, 4, 0.5),
        handledOnTime: r(2, 3, 0.6667),
        resolvedFirstTime: r(0, 2, 0),
        repeat: r(1, 5, 0.2),
        review: r(1, 2, 0.5),
        reexamination: r(1, 1, 1),
      },
    });
    // The other township's centre sees its own only.
    expect((await figures(zhixing, 'township')).items.map((i: { name: string }) => i.name)).toEqual(['知行街道']);
  });

  it('match the hand count per village/community (a petition about the township itself is the township’s row)', async () => {
    const byVillage = await figures(dispatcher, 'village');
    expect(byVillage.items).toEqual([
      {
        key: '/41/4101/410104/410104001/410104001001/',
        name: '明德社区',
        counts: counts({
          registered: 3,
          collective: 1,
          accepted: 2,
          answered: 2,
          reviewRequested: 1,
          reexaminationRequested: 1,
        }),
        rates: {
          intakeOnTime: r(1, 2, 0.5),
          handledOnTime: r(2, 3, 0.6667),
          resolvedFirstTime: r(0, 2, 0),
          repeat: r(1, 3, 0.3333),
          review: r(1, 2, 0.5),
          reexamination: r(1, 1, 1),
        },
      },
      {
        key: '/41/4101/410104/410104001/',
        name: '格物街道',
        counts: counts({ registered: 1, taken: 1, supervised: 1 }),
        rates: {
          intakeOnTime: r(0, 1, 0),
          handledOnTime: r(0, 0, null),
          resolvedFirstTime: r(0, 0, null),
          repeat: r(0, 1, 0),
          review: r(0, 0, null),
          reexamination: r(0, 0, null),
        },
      },
    ]);
  });

  it('refuses a period that ends before it starts, or longer than a year', async () => {
    for (const [from, to] of [
      ['2026-04-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00'],
      ['2025-01-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00'],
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/petition-figures?from=${encodeURIComponent(from as string)}&to=${encodeURIComponent(to as string)}`,
        ...as(dispatcher),
      });
      expect([res.statusCode, res.json().code]).toEqual([400, 'petition.bad_period']);
    }
  });
});
