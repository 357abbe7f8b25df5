import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  CLAIM_EXPIRED_LABEL,
  CASE_STATE_LABELS,
  DISPUTE_ACTION_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STAGE_LABELS,
  DISPUTE_STATE_LABELS,
  DISPUTE_TIER_LABELS,
  PATH_LABELS,
} from '@gewu/domain';
import { zhCN } from './resources.zh-CN.ts';

// The server's messages and the public feed (Open311) name states and events with the domain's
// Chinese labels; the screens take theirs from the translations. The two must read the same.
describe('Chinese case labels', () => {
  it('name every state as the server does', () => {
    expect(zhCN.cases.states).toEqual(CASE_STATE_LABELS);
  });

  it('name every timeline event as the server does', () => {
    // Besides the actions: a claim released on its clock (an `unclaim` marked expired) has its own label.
    expect(zhCN.cases.events).toEqual({ ...ACTION_LABELS, unclaim_expired: CLAIM_EXPIRED_LABEL });
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
      claimed: '志愿者认领中',
      claim_done: '认领待确认',
    });
  });
});

// The disputes' labels: the server's messages name states, events, paths and tiers with the domain's
// Chinese labels (disputes.ts, disputes-life.ts); the screens' translations must read the same.
describe('Chinese dispute labels', () => {
  it('name states, events, paths, tiers, risks, sources and stages as the server does', () => {
    expect(zhCN.disputes.states).toEqual(DISPUTE_STATE_LABELS);
    expect(zhCN.disputes.events).toEqual(DISPUTE_ACTION_LABELS);
    expect(zhCN.disputes.paths).toEqual(PATH_LABELS);
    expect(zhCN.disputes.tiers).toEqual(DISPUTE_TIER_LABELS);
    expect(zhCN.disputes.risks).toEqual(DISPUTE_RISK_LABELS);
    expect(zhCN.disputes.sources).toEqual(DISPUTE_SOURCE_LABELS);
    expect(zhCN.disputes.stages).toEqual(DISPUTE_STAGE_LABELS);
  });

  it('are the ones written here for the states and the signed scan', () => {
    expect(zhCN.disputes.states).toEqual({
      registered: '待受理',
      accepted: '待分流',
      diverted: '待指派',
      mediating: '调解中',
      agreed: '已达成协议',
      confirming: '司法确认中',
      performing: '履行回访',
      closed: '已结案',
      failed: '调解不成',
      declined: '不予受理',
    });
    expect(zhCN.disputes.documents.signedScans).toBe('已签署协议书扫描件');
  });
});
