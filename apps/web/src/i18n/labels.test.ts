import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, CASE_STATE_LABELS } from '@gewu/domain';
import { zhCN } from './resources.zh-CN.ts';

// The server's messages and the public feed (Open311) name states and events with the domain's
// Chinese labels; the screens take theirs from the translations. The two must read the same.
describe('Chinese case labels', () => {
  it('name every state as the server does', () => {
    expect(zhCN.cases.states).toEqual(CASE_STATE_LABELS);
  });

  it('name every timeline event as the server does', () => {
    expect(zhCN.cases.events).toEqual(ACTION_LABELS);
  });

  it('are the ones written here for the states', () => {
    expect(zhCN.cases.states).toEqual({
      reported: '待受理',
      accepted: '待派遣',
      dispatched: '待签收',
      handling: '处置中',
      suspended: '挂账',
      fed_back: '待核查',
      verified: '待结案',
      closed: '已结案',
      rejected: '不予受理',
      voided: '已作废',
      merged: '已并案',
      converted: '已转矛盾纠纷',
    });
  });
});
