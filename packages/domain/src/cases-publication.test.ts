import { describe, expect, it } from 'vitest';
import { CASE_STATES } from './cases.ts';
import { open311Status } from './cases-publication.ts';

describe('open311Status', () => {
  it('closes every ending and says which it was; open states name their step', () => {
    const expected: Record<(typeof CASE_STATES)[number], [string, string]> = {
      reported: ['open', '待受理'],
      accepted: ['open', '待派遣'],
      dispatched: ['open', '待签收'],
      handling: ['open', '处置中'],
      suspended: ['open', '挂账'],
      fed_back: ['open', '待核查'],
      verified: ['open', '待结案'],
      closed: ['closed', '已结案'],
      rejected: ['closed', '已关闭：不予受理'],
      voided: ['closed', '已关闭：已作废'],
      merged: ['closed', '已关闭：与其他上报重复，已并案处理'],
      converted: ['closed', '已关闭：已转入矛盾纠纷调处'],
      claimed: ['open', '志愿者认领中'],
      claim_done: ['open', '认领待确认'],
    };
    for (const state of CASE_STATES) {
      const { status, notes } = open311Status(state);
      expect([status, notes], state).toEqual(expected[state]);
    }
  });
});
