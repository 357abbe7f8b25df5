import { describe, expect, it } from 'vitest';
import {
  MICRO_PROJECT_BUDGET_CAP_FEN,
  MICRO_PROJECT_CATEGORY_NAMES,
  batchOutcome,
  fenOfYuan,
  microProjectStepAllowed,
  microProjectSteps,
  yuanOfFen,
} from './micro-projects.ts';

describe('民生微实事 rules', () => {
  it('has the six categories and a ¥200,000 default cap', () => {
    expect(Object.values(MICRO_PROJECT_CATEGORY_NAMES)).toEqual([
      '适老助残',
      '环境美化',
      '文体设施',
      '安全设施',
      '便民服务',
      '其他',
    ]);
    expect(MICRO_PROJECT_BUDGET_CAP_FEN).toBe(20_000_000);
  });

  it('allows each step only from its states', () => {
    const table: [
      Parameters<typeof microProjectStepAllowed>[0],
      Parameters<typeof microProjectStepAllowed>[1],
      boolean,
    ][] = [
      ['shortlist', 'proposed', true],
      ['reject', 'proposed', true],
      ['shortlist', 'shortlisted', false],
      ['reject', 'approved', false],
      ['vote', 'shortlisted', true],
      ['vote', 'proposed', false],
      ['vote', 'approved', false],
      ['implement', 'approved', true],
      ['implement', 'not_approved', false],
      ['complete', 'implementing', true],
      ['complete', 'approved', false],
      ['publish', 'completed', true],
      ['publish', 'published', false],
    ];
    for (const [step, state, ok] of table) expect(microProjectStepAllowed(step, state), `${step} ${state}`).toBe(ok);
    expect(microProjectSteps('proposed')).toEqual(['shortlist', 'reject']);
    expect(microProjectSteps('rejected')).toEqual([]);
  });

  // 村民委员会组织法 art. 26: at least 2/3 of the members present; more than half of those present in favour.
  it('votes a batch on one roll: quorum of the meeting, majority per project', () => {
    // 15 on the roll: 10 present is quorate (2/3 of 15 = 10); 6 of 10 passes, 5 of 10 does not.
    expect(
      batchOutcome(15, 10, [
        { inFavour: 6, against: 3, abstaining: 1 },
        { inFavour: 5, against: 5, abstaining: 0 },
      ]),
    ).toMatchObject({
      quorate: true,
      quorumNeeded: 10,
      items: [
        { passed: true, majorityNeeded: 6 },
        { passed: false, majorityNeeded: 6 },
      ],
    });
    // 9 of 15 present: not quorate, nothing passes even unanimously.
    expect(batchOutcome(15, 9, [{ inFavour: 9, against: 0, abstaining: 0 }])).toMatchObject({
      quorate: false,
      quorumNeeded: 10,
      items: [{ passed: false }],
    });
    // Votes exceeding those present are a counts problem.
    expect(batchOutcome(9, 6, [{ inFavour: 5, against: 2, abstaining: 0 }]).items[0]?.problem).toBe(
      'votes_exceed_present',
    );
  });

  it('converts yuan and fen', () => {
    expect(fenOfYuan('200000')).toBe(20_000_000);
    expect(fenOfYuan('12.5')).toBe(1250);
    expect(fenOfYuan('0.07')).toBe(7);
    expect(fenOfYuan('-1')).toBeNull();
    expect(fenOfYuan('1.234')).toBeNull();
    expect(yuanOfFen(1250)).toBe('12.50');
  });
});
