import { describe, expect, it } from 'vitest';
import { defaultWorkCalendar, lightAt } from './calendar.ts';
import { petitionIntakeRoute } from './petitions.ts';
import { petitionClockRecord, petitionStartOf } from './petitions-clock.ts';
import type {
  PetitionClockRecord,
  PetitionEventRecord,
  PetitionHearing,
  PetitionIntake,
  PetitionNotice,
  PetitionOpinion,
  PetitionRegistration,
} from './petitions-events.ts';
import {
  PETITION_ACTIONS,
  PETITION_LIFE,
  type PetitionFacts,
  availablePetitionCommands,
  checkPetitionTransition,
  intakeActionOf,
} from './petitions-life.ts';
import { replayPetition } from './petitions-reducer.ts';
import { COLLECTIVE_VISIT, isCollectiveVisit } from './petitions-terms.ts';

// Holiday data (holidays.ts): 2026 春节 rest 02-15…02-23, work Sat 02-14 and Sat 02-28; 清明 04-04…04-06;
// 劳动节 05-01…05-05 (work Sat 05-09); 端午 06-19…06-21; 中秋 09-25…09-27; 国庆 10-01…10-07 (work Sun 09-20, Sat 10-10).
// Every expected date below was counted by hand: day 1 is the day after the start (民法典 art. 201), a last day
// on a rest day moves to the first working day after it (art. 203), the period ends at 24:00 Beijing (16:00 UTC).

const cal = defaultWorkCalendar();
const env = { cal };
/** Beijing wall time 'YYYY-MM-DD HH:MM' → instant. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('the life table (PETITION_LIFE)', () => {
  it('declares who may take each action, from which states, and where it leads', () => {
    const table = Object.fromEntries(
      PETITION_ACTIONS.map((a) => [
        a,
        [PETITION_LIFE[a].who.join('+'), PETITION_LIFE[a].from.join(','), PETITION_LIFE[a].next],
      ]),
    );
    expect(table).toEqual({
      accept: ['centre', 'registered', 'accepted'],
      not_accept: ['centre', 'registered', 'not_accepted'],
      transfer: ['centre', 'registered', 'transferred'],
      refer: ['centre', 'registered', 'referred'],
      extend: ['centre+supervisor', 'accepted', 'same'],
      record_hearing: ['centre', 'accepted,reviewing,reexamining', 'same'],
      reply: ['centre', 'accepted', 'answered'],
      request_review: ['centre', 'answered', 'reviewing'],
      decide_review: ['centre', 'reviewing', 'reviewed'],
      request_reexamination: ['centre', 'reviewed', 'reexamining'],
      decide_reexamination: ['centre', 'reexamining', 'reexamined'],
      take: ['supervisor', 'registered,accepted,answered,reviewing,reviewed,reexamining', 'same'],
      supervise: ['supervisor+lead', 'registered,accepted,reviewing,reexamining', 'same'],
    });
  });
  it('starts the statutory clocks where the 条例 says', () => {
    expect(PETITION_LIFE.accept.clock).toEqual({ start: 'handling' });
    expect(PETITION_LIFE.request_review.clock).toEqual({ start: 'reviewDecision' });
    expect(PETITION_LIFE.request_reexamination.clock).toEqual({ start: 'reexaminationDecision' });
    expect([PETITION_LIFE.extend.clock, PETITION_LIFE.record_hearing.clock]).toEqual(['recount', 'recount']);
    expect([PETITION_LIFE.reply.clock, PETITION_LIFE.not_accept.clock, PETITION_LIFE.refer.clock]).toEqual([
      'stop',
      'stop',
      'stop',
    ]);
  });
});

describe('intake follows the table, not a choice (诉访分离)', () => {
  it('maps each finding to its action', () => {
    const cases: [object, string][] = [
      [{}, 'accept'],
      [{ belongsToLitigation: true }, 'refer'],
      [{ belongsToArbitration: true }, 'refer'],
      [{ belongsToAdministrativeReview: true }, 'refer'],
      [{ lawRelated: true }, 'transfer'],
      [{ disciplinaryComplaint: true }, 'transfer'],
      [{ outsideCompetence: true }, 'transfer'],
      [{ refiledAfterReexamination: true, belongsToLitigation: true }, 'not_accept'],
      [{ belongsToLitigation: true, outsideCompetence: true }, 'refer'],
    ];
    for (const [findings, action] of cases)
      expect([findings, intakeActionOf(petitionIntakeRoute(findings))]).toEqual([findings, action]);
  });
});

describe('collective visits (集体访)', () => {
  it('flags a visit of five or more people, never a letter', () => {
    expect(COLLECTIVE_VISIT.minPeople).toBe(5);
    expect(COLLECTIVE_VISIT.source).toContain('5人以上');
    expect([4, 5, 30].map((n) => isCollectiveVisit('visit', n))).toEqual([false, true, true]);
    expect(isCollectiveVisit('letter', 12)).toBe(false);
  });
});

/* ------------------------------------------------------------------------------------------------ */

const registration: PetitionRegistration = {
  id: 'p1',
  code: 'XF202602010000001',
  channel: 'letter',
  regionPath: '/41/4101/410104/410104001/410104001001/',
  summary: '安置补偿款迟迟未发放',
  matterType: 'land_expropriation',
  respondent: '格物街道征收办',
  subjectObject: '明德社区三组宅基地',
  subjectKey: '格物街道征收办|land_expropriation|明德社区三组宅基地',
  matterId: 'p1',
  repeatOfId: null,
  headcount: 1,
  collective: false,
  receivedAt: at('2026-02-01 09:00').toISOString(),
  registeredBy: 'u1',
  receiptNo: null,
  newFactsOrReasons: false,
  refilingBar: null,
};
const intake: PetitionIntake = {
  findings: {},
  route: 'accept',
  rule: 'accept',
  basis: '第二十二条',
  procedure: null,
  body: null,
  destination: null,
  lateReason: null,
};
const notice = (kind: PetitionNotice['kind'], issuedOn: string): PetitionNotice => ({
  kind,
  noticeKey: `petitions.notices.${kind}`,
  issuedOn,
  destination: null,
  reason: '—',
});
const opinion = (date: string, deliveredOn: string): PetitionOpinion => ({
  agency: '格物访',
  serial: 1,
  body: '格物街道办事处',
  reviewBody: '管城回族区人民政府',
  facts: '经查属实',
  opinion: '限期发放',
  basis: '有关规定',
  outcome: null,
  date,
  deliveredOn,
});
const ev = <T extends PetitionEventRecord['type']>(
  type: T,
  local: string,
  data: Extract<PetitionEventRecord, { type: T }>['data'],
) => ({ type, at: at(local), actorId: 'u1', data }) as PetitionEventRecord;

/** The clock record's dates only: stage, last day, deadline (UTC) and yellow point (UTC). */
const dates = (c: PetitionClockRecord) => [c.stage, c.lastDay, c.deadline, c.warnAt];

describe('the statutory clocks of one petition, across the Spring Festival and month ends', () => {
  const hearing: PetitionHearing = {
    stage: 'handling',
    start: at('2026-05-20 14:00').toISOString(),
    end: at('2026-05-20 16:00').toISOString(),
    place: '街道信访接待室',
  };
  const intakeClock = petitionClockRecord('intake', at('2026-02-01 09:00'), cal);
  const handling = petitionClockRecord('handling', at('2026-02-24 10:00'), cal);
  const extended = petitionClockRecord('handling', at('2026-02-24 10:00'), cal, { extensionDays: 30 });
  const heard = petitionClockRecord('handling', at('2026-02-24 10:00'), cal, {
    extensionDays: 30,
    hearings: [hearing],
  });
  const review = petitionClockRecord('reviewDecision', petitionStartOf('2026-06-22', at('2026-06-22 15:00'), cal), cal);
  const reexam = petitionClockRecord(
    'reexaminationDecision',
    petitionStartOf('2026-08-20', at('2026-08-21 09:00'), cal),
    cal,
  );

  it('pins each clock on its date', () => {
    expect([intakeClock, handling, extended, heard, review, reexam].map(dates)).toEqual([
      // Letter received Sun 02-01: day 15 is 02-16, inside the Spring Festival → Tue 02-24; yellow at 80 % of 567 h (453 h 36 min).
      ['intake', '2026-02-24', '2026-02-24T16:00:00.000Z', '2026-02-19T22:36:00.000Z'],
      // Accepted Tue 02-24: 4 days of February + 31 of March + 25 of April → day 60 is Sat 04-25 → Mon 04-27.
      ['handling', '2026-04-27', '2026-04-27T16:00:00.000Z', '2026-04-15T03:36:00.000Z'],
      // Extended by 30: day 90 is Mon 05-25 (counted from acceptance once; no shift needed).
      ['handling', '2026-05-25', '2026-05-25T16:00:00.000Z', '2026-05-07T13:12:00.000Z'],
      // A hearing on Wed 05-20 (14:00–16:00) takes that day out → Tue 05-26.
      ['handling', '2026-05-26', '2026-05-26T16:00:00.000Z', '2026-05-08T08:24:00.000Z'],
      // 复查 request received Mon 06-22 (today, 15:00): day 30 is Wed 07-22.
      ['reviewDecision', '2026-07-22', '2026-07-22T16:00:00.000Z', '2026-07-16T14:12:00.000Z'],
      // 复核 request received Thu 08-20 (recorded the next day: counted from 00:00 that day): day 30 is Sat 09-19,
      // and Sun 09-20 is a 调休 working day of the National Day holiday → 09-20.
      ['reexaminationDecision', '2026-09-20', '2026-09-20T16:00:00.000Z', '2026-09-14T06:24:00.000Z'],
    ]);
    expect(heard.excludedDays).toEqual(['2026-05-20']);
  });

  it('lights the intake clock green, yellow and red at the hand-computed instants', () => {
    const clock = { warnAt: new Date(intakeClock.warnAt), deadline: new Date(intakeClock.deadline) };
    expect(
      ['2026-02-19 10:00', '2026-02-20 06:36', '2026-02-24 23:59', '2026-02-25 00:01'].map((t) =>
        lightAt(clock, at(t)),
      ),
    ).toEqual(['green', 'yellow', 'yellow', 'red']);
  });

  it('a month-end count: received Fri 2026-01-16 → day 15 is Sat 01-31 → Mon 02-02; accepted 12-31 → Sun 03-01 → Mon 03-02', () => {
    expect(petitionClockRecord('intake', at('2026-01-16 11:00'), cal).lastDay).toBe('2026-02-02');
    expect(petitionClockRecord('handling', at('2025-12-31 16:00'), cal).lastDay).toBe('2026-03-02');
  });

  it('replays the whole flow into the petition the events describe', () => {
    const events = [
      ev('register', '2026-02-01 09:10', { petition: registration, clock: intakeClock }),
      ev('accept', '2026-02-24 10:00', { clock: handling, intake, notice: notice('intake', '2026-02-24') }),
      ev('extend', '2026-04-20 09:00', {
        clock: extended,
        days: 30,
        totalDays: 30,
        reason: '涉及多个部门，需补充调查',
        approvedBy: { id: 'l1', name: '周书记' },
        notice: { ...notice('extension', '2026-04-20'), days: 30, newLastDay: '2026-05-25' },
      }),
      ev('record_hearing', '2026-05-20 17:00', { clock: heard, hearing }),
      ev('reply', '2026-05-22 16:00', {
        clock: null,
        opinion: opinion('2026-05-22', '2026-05-22'),
        windowLastDay: '2026-06-22',
      }),
      ev('request_review', '2026-06-22 15:00', { clock: review, receivedOn: '2026-06-22' }),
      ev('decide_review', '2026-07-20 10:00', {
        clock: null,
        opinion: { ...opinion('2026-07-20', '2026-07-21'), outcome: 'upheld' },
        windowLastDay: '2026-08-20',
      }),
      ev('request_reexamination', '2026-08-21 09:00', { clock: reexam, receivedOn: '2026-08-20' }),
      ev('decide_reexamination', '2026-09-18 10:00', {
        clock: null,
        opinion: { ...opinion('2026-09-18', '2026-09-18'), outcome: 'upheld' },
      }),
    ];
    const p = replayPetition(events);
    expect({
      state: p.state,
      stage: p.stage,
      version: p.version,
      everOverdue: p.everOverdue,
      intakeLate: p.intakeLate,
      handlingLate: p.handlingLate,
      extensionDays: p.extensionDays,
      hearings: p.hearings.length,
      noticeCount: p.noticeCount,
      reviewRequestedOn: p.reviewRequestedOn,
      reexaminationRequestedOn: p.reexaminationRequestedOn,
      reexaminationDecidedAt: p.reexaminationDecidedAt?.toISOString(),
      endedAt: p.endedAt?.toISOString(),
    }).toEqual({
      state: 'reexamined',
      stage: null,
      version: 9,
      everOverdue: false,
      intakeLate: false,
      handlingLate: false,
      extensionDays: 30,
      hearings: 1,
      noticeCount: 2,
      reviewRequestedOn: '2026-06-22',
      reexaminationRequestedOn: '2026-08-20',
      reexaminationDecidedAt: '2026-09-18T02:00:00.000Z',
      endedAt: '2026-09-18T02:00:00.000Z',
    });
    // After the reply the 复查 window is on the petition; after the request it is gone.
    const answered = replayPetition(events.slice(0, 5));
    expect([answered.state, answered.windowLastDay, answered.stage]).toEqual(['answered', '2026-06-22', null]);
    expect(replayPetition(events.slice(0, 6)).windowLastDay).toBeNull();
  });

  it('records a late intake as overdue (accepted Wed 02-25; replied on day 60 of its own count, in time)', () => {
    const p = replayPetition([
      ev('register', '2026-02-01 09:10', { petition: registration, clock: intakeClock }),
      ev('accept', '2026-02-25 09:00', {
        clock: petitionClockRecord('handling', at('2026-02-25 09:00'), cal),
        intake: { ...intake, lateReason: '信件转递延误' },
        notice: notice('intake', '2026-02-25'),
      }),
      ev('reply', '2026-04-27 10:00', {
        clock: null,
        opinion: opinion('2026-04-27', '2026-04-27'),
        windowLastDay: '2026-05-27',
      }),
    ]);
    expect([p.intakeLate, p.handlingLate, p.everOverdue]).toEqual([true, false, true]);
  });
});

/* ------------------------------------------------------------------------------------------------ */

const facts = (more: Partial<PetitionFacts> = {}): PetitionFacts => ({
  state: 'registered',
  stageDeadline: new Date('2026-02-24T16:00:00.000Z'),
  extensionDays: 0,
  leaderUserId: null,
  replyDeliveredOn: null,
  reviewDeliveredOn: null,
  ...more,
});
const input = (local: string, more: object = {}) => ({ now: at(local), actorId: 'u1', ...more });

describe('refusals (checkPetitionTransition)', () => {
  it('accepts on the 15th day, and after it only with the reason on record', () => {
    expect(checkPetitionTransition(facts(), 'accept', ['centre'], input('2026-02-24 23:59'), env)).toBeNull();
    expect(checkPetitionTransition(facts(), 'accept', ['centre'], input('2026-02-25 00:01'), env)).toEqual({
      code: 'petition.intake_late_reason_required',
      message: '已超过收到信访事项之日起15日的受理期限，须填写逾期处理的理由',
    });
    expect(
      checkPetitionTransition(
        facts(),
        'refer',
        ['centre'],
        input('2026-02-25 00:01', { lateReason: '信件转递延误' }),
        env,
      ),
    ).toBeNull();
  });

  it('refuses the wrong state, the wrong person and a missing note', () => {
    const accepted = facts({ state: 'accepted' });
    expect(checkPetitionTransition(accepted, 'accept', ['centre'], input('2026-02-10 10:00'), env)?.code).toBe(
      'petition.invalid_state',
    );
    expect(checkPetitionTransition(accepted, 'reply', ['supervisor'], input('2026-02-10 10:00'), env)).toEqual({
      code: 'petition.not_allowed',
      message: '您无权对该信访事项书面答复',
    });
    const overdue = facts({ state: 'accepted', stageDeadline: new Date('2026-02-01T16:00:00Z') });
    expect(checkPetitionTransition(overdue, 'supervise', ['supervisor'], input('2026-02-10 10:00'), env)?.code).toBe(
      'petition.note_required',
    );
  });

  it('extends by at most 30 days in all, and only before the limit runs out', () => {
    const accepted = facts({ state: 'accepted', stageDeadline: new Date('2026-04-27T16:00:00Z'), extensionDays: 20 });
    const ok = checkPetitionTransition(
      accepted,
      'extend',
      ['centre'],
      input('2026-04-20 09:00', { extensionDays: 10 }),
      env,
    );
    expect(ok).toBeNull();
    expect(
      checkPetitionTransition(accepted, 'extend', ['centre'], input('2026-04-20 09:00', { extensionDays: 11 }), env),
    ).toEqual({ code: 'petition.extension_exceeded', message: '延长办理期限累计不得超过 30 日（已延长 20 日）' });
    expect(
      checkPetitionTransition(accepted, 'extend', ['supervisor'], input('2026-04-28 00:01', { extensionDays: 5 }), env)
        ?.code,
    ).toBe('petition.extension_after_deadline');
  });

  it('takes a 复查 request on the window’s last day (Mon 06-22, after 端午) and refuses it the day after', () => {
    const answered = facts({ state: 'answered', stageDeadline: null, replyDeliveredOn: '2026-05-22' });
    expect(
      checkPetitionTransition(
        answered,
        'request_review',
        ['centre'],
        input('2026-06-23 09:00', { requestedOn: '2026-06-22' }),
        env,
      ),
    ).toBeNull();
    expect(
      checkPetitionTransition(
        answered,
        'request_review',
        ['centre'],
        input('2026-06-23 09:00', { requestedOn: '2026-06-23' }),
        env,
      ),
    ).toEqual({
      code: 'petition.review_window_passed',
      message: '已超过收到书面答复之日起30日的复查请求期限（最后一日为2026-06-22）',
    });
    expect(
      checkPetitionTransition(
        answered,
        'request_review',
        ['centre'],
        input('2026-06-23 09:00', { requestedOn: '2026-05-21' }),
        env,
      )?.code,
    ).toBe('petition.request_before_receipt');
  });

  it('takes a 复核 request within 30 days of the 复查 opinion (received Tue 07-21 → Thu 08-20)', () => {
    const reviewed = facts({ state: 'reviewed', stageDeadline: null, reviewDeliveredOn: '2026-07-21' });
    const on = (d: string) =>
      checkPetitionTransition(
        reviewed,
        'request_reexamination',
        ['centre'],
        input('2026-08-24 09:00', { requestedOn: d }),
        env,
      )?.code ?? null;
    expect([on('2026-08-20'), on('2026-08-21')]).toEqual([null, 'petition.reexamination_window_passed']);
  });

  it('supervises only what is overdue; a leader does not take what they already hold', () => {
    const running = facts({ state: 'accepted', stageDeadline: new Date('2026-04-27T16:00:00Z') });
    const note = { note: '限期办结' };
    expect(
      checkPetitionTransition(running, 'supervise', ['supervisor'], input('2026-04-27 23:00', note), env)?.code,
    ).toBe('petition.not_overdue');
    expect(
      checkPetitionTransition(running, 'supervise', ['supervisor'], input('2026-04-28 08:00', note), env),
    ).toBeNull();
    const held = facts({ state: 'accepted', leaderUserId: 'u1' });
    expect(checkPetitionTransition(held, 'take', ['supervisor', 'lead'], input('2026-02-10 10:00'), env)?.code).toBe(
      'petition.already_taken',
    );
  });
});

describe('the buttons (availablePetitionCommands)', () => {
  const who = { now: at('2026-04-20 09:00'), actorId: 'u1' };
  it('offers each relation what its rules allow', () => {
    const accepted = facts({ state: 'accepted', stageDeadline: new Date('2026-04-27T16:00:00Z') });
    expect([
      availablePetitionCommands(facts(), ['centre'], who, env),
      availablePetitionCommands(accepted, ['centre'], who, env),
      availablePetitionCommands(accepted, ['supervisor'], who, env),
      availablePetitionCommands(accepted, ['supervisor'], { ...who, now: at('2026-04-28 08:00') }, env),
      availablePetitionCommands(
        facts({ state: 'reexamined', stageDeadline: null }),
        ['centre', 'supervisor'],
        who,
        env,
      ),
    ]).toEqual([['intake'], ['extend', 'record_hearing', 'reply'], ['extend', 'take'], ['take', 'supervise'], []]);
  });
});
