import { describe, expect, it } from 'vitest';
import {
  type OwnersVoteCount,
  type OwnersVoteItem,
  areaToCenti,
  buildOwnersRoll,
  countBallots,
  decideOwnersVote,
  isThreeQuartersItem,
  secondBallotMessage,
} from './owners-vote.ts';

/** A count from hand figures: [area, heads] for, against, abstain, and the roll's [area, heads]. */
function count(
  roll: [number, number],
  f: [number, number],
  a: [number, number],
  ab: [number, number] = [0, 0],
): OwnersVoteCount {
  const w = ([areaCenti, headcount]: [number, number]) => ({ areaCenti, headcount });
  return { roll: w(roll), byChoice: { for: w(f), against: w(a), abstain: w(ab) } };
}

describe('the owners roll (法释〔2009〕7号 arts. 8–9)', () => {
  // Units by hand: owner a holds three units, b one, c and d co-own one, two units unsold (developer).
  const units = [
    { unitId: 'u1', areaCenti: 9000, ownerIds: ['a'] },
    { unitId: 'u2', areaCenti: 8000, ownerIds: ['a'] },
    { unitId: 'u3', areaCenti: 7000, ownerIds: ['a'] },
    { unitId: 'u4', areaCenti: 10000, ownerIds: ['b'] },
    { unitId: 'u5', areaCenti: 12000, ownerIds: ['d', 'c'] },
    { unitId: 'u6', areaCenti: 6000, ownerIds: [] },
    { unitId: 'u7', areaCenti: 5000, ownerIds: [] },
  ];

  it('counts an owner of three units once with the three areas summed, and the unsold units as one', () => {
    expect(buildOwnersRoll(units)).toEqual([
      { key: 'a', ownerIds: ['a'], unitIds: ['u1', 'u2', 'u3'], areaCenti: 24000 },
      { key: 'b', ownerIds: ['b'], unitIds: ['u4'], areaCenti: 10000 },
      { key: 'c+d', ownerIds: ['c', 'd'], unitIds: ['u5'], areaCenti: 12000 },
      { key: 'developer', ownerIds: [], unitIds: ['u6', 'u7'], areaCenti: 11000 },
    ]);
  });

  it('the three-unit owner carries the area but one head: passes a half item, fails a three-quarters item', () => {
    // Roll: 57000 (0.01 m²), 4 heads. a (24000) for, b (10000) against, c+d (12000) for, developer silent.
    const c = count([57000, 4], [36000, 2], [10000, 1]);
    // Participation 46000/57000 ≥ 2/3 (138000 ≥ 114000), 3/4 heads ≥ 2/3 (9 ≥ 8).
    expect(decideOwnersVote('committee', c)).toEqual({
      participating: { areaCenti: 46000, headcount: 3 },
      participationMet: true,
      threshold: 'more_than_half',
      majorityMet: true,
      passed: true,
    });
    // Item (7): area 36000/46000 ≥ 3/4 (144000 ≥ 138000) but heads 2/3 < 3/4 (8 < 9).
    expect(decideOwnersVote('rebuild', c)).toMatchObject({
      threshold: 'three_quarters',
      majorityMet: false,
      passed: false,
    });
  });

  it('areas arrive as m² and become whole hundredths; no area counts nothing', () => {
    expect(areaToCenti(89.5)).toBe(8950);
    expect(areaToCenti(120.456)).toBe(12046);
    expect(areaToCenti(null)).toBe(0);
    expect(areaToCenti(-3)).toBe(0);
  });
});

describe('participation (民法典 art. 278 para. 2: 三分之二以上)', () => {
  it.each([
    // [label, roll, for, against, abstain, participationMet]
    ['exactly two thirds of area and of heads', [300, 3], [200, 2], [0, 0], [0, 0], true],
    ['a hair under two thirds of the area', [30001, 3], [20000, 2], [0, 0], [0, 0], false],
    ['two thirds of the area but not of the heads', [900, 9], [600, 5], [0, 0], [0, 0], false],
    ['abstentions take part', [300, 3], [100, 1], [0, 0], [100, 1], true],
    ['nobody on the roll', [0, 0], [0, 0], [0, 0], [0, 0], false],
  ] as const)('%s', (_label, roll, f, a, ab, met) => {
    const outcome = decideOwnersVote('committee', count([...roll], [...f], [...a], [...ab]));
    expect(outcome.participationMet).toBe(met);
  });
});

describe('the double majority among participants', () => {
  it.each([
    // [label, item, for, against, abstain, passed] — roll [400, 4] and everyone takes part unless noted
    ['more than half of both', 'committee', [300, 3], [100, 1], [0, 0], true],
    ['exactly half of both is not more than half', 'committee', [200, 2], [200, 2], [0, 0], false],
    ['area tie, more heads for: not passed', 'management_covenant', [200, 3], [200, 1], [0, 0], false],
    ['more area, head tie: not passed', 'property_manager', [300, 2], [100, 2], [0, 0], false],
    ['abstentions hold the for side to exactly half', 'other', [200, 2], [0, 0], [200, 2], false],
    ['item (5) using the fund is a half item', 'use_maintenance_fund', [300, 3], [100, 1], [0, 0], true],
    ['exactly three quarters for item (6)', 'raise_maintenance_fund', [300, 3], [100, 1], [0, 0], true],
    ['exactly three quarters for item (7)', 'rebuild', [300, 3], [0, 0], [100, 1], true],
    ['a hair under three quarters of area for item (8)', 'common_parts_use', [299, 3], [101, 1], [0, 0], false],
  ] as const)('%s', (_label, item, f, a, ab, passed) => {
    const outcome = decideOwnersVote(item as OwnersVoteItem, count([400, 4], [...f], [...a], [...ab]));
    expect(outcome.passed).toBe(passed);
  });

  it('seven in ten passes a half item and fails a three-quarters item', () => {
    const c = count([1000, 10], [700, 7], [300, 3]);
    expect(decideOwnersVote('rules_of_procedure', c).passed).toBe(true);
    expect(decideOwnersVote('common_parts_use', c).passed).toBe(false);
  });

  it('a majority without participation does not pass', () => {
    const outcome = decideOwnersVote('committee', count([900, 9], [500, 5], [0, 0]));
    expect(outcome).toMatchObject({ participationMet: false, majorityMet: true, passed: false });
  });

  it('items (6), (7), (8) and only they need three quarters', () => {
    const three = ['raise_maintenance_fund', 'rebuild', 'common_parts_use'];
    const all: OwnersVoteItem[] = [
      'rules_of_procedure',
      'management_covenant',
      'committee',
      'property_manager',
      'use_maintenance_fund',
      'raise_maintenance_fund',
      'rebuild',
      'common_parts_use',
      'other',
    ];
    expect(all.filter(isThreeQuartersItem)).toEqual(three);
  });
});

describe('recomputing from the anonymised ballot list', () => {
  it('adds up per choice', () => {
    const c = countBallots({ areaCenti: 1000, headcount: 4 }, [
      { choice: 'for', areaCenti: 300, headcount: 1 },
      { choice: 'for', areaCenti: 250, headcount: 1 },
      { choice: 'against', areaCenti: 100, headcount: 1 },
      { choice: 'abstain', areaCenti: 50, headcount: 1 },
    ]);
    expect(c.byChoice).toEqual({
      for: { areaCenti: 550, headcount: 2 },
      against: { areaCenti: 100, headcount: 1 },
      abstain: { areaCenti: 50, headcount: 1 },
    });
  });

  it('a second ballot is refused naming the channel that voted', () => {
    expect(secondBallotMessage('paper')).toBe('该业主已以纸质表决票方式表决，每位业主对同一事项只能投一票');
  });
});
