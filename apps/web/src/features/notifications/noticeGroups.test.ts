import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { Action } from '@gewu/domain';
import { zhCN } from '../../i18n/resources.zh-CN.ts';
import { en } from '../../i18n/resources.en.ts';
import type { NotificationView } from './api.ts';
import { type Arrival, groupNotices, noticeText, type Translate } from './noticeGroups.ts';

const T0 = Date.parse('2026-11-27T09:00:00+08:00');

function translator(lng: 'zh-CN' | 'en'): Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    resources: { [lng]: { translation: lng === 'en' ? en : zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return (key, values) => i18n.t(key, values);
}
const zh = translator('zh-CN');
const english = translator('en');

/** The dispatcher's pages: the queue, supervision, the case pages (not a unit's tasks). */
const DISPATCHER: readonly Action[] = ['case.read', 'case.centre', 'case.supervise'];
/** A unit's handler: its tasks and the case pages. */
const HANDLER: readonly Action[] = ['case.read', 'case.handle'];
const as = (actions: readonly Action[]) => (a: Action) => actions.includes(a);

function notice(id: number, kind: string, title: string, body: string | null = null): NotificationView {
  const caseId = `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
  return {
    id,
    kind,
    title,
    body,
    caseId,
    subject: { kind: 'case', id: caseId },
    data: {},
    createdAt: '2026-11-27T01:00:00.000Z',
    read: false,
  };
}
const at = (ms: number, n: NotificationView): Arrival => ({ notice: n, at: T0 + ms });

/** What the dispatcher sees: each pop-up's title, description, count and link. */
function shown(arrivals: Arrival[], nowMs: number, actions = DISPATCHER, t = zh) {
  return groupNotices(arrivals, T0 + nowMs, as(actions)).map((g) => ({
    ...noticeText(g, t),
    count: g.count,
    target: g.target,
  }));
}

describe('groupNotices', () => {
  it('shows a single notification as itself, opening its case', () => {
    const one = notice(41, 'case.reported', '新上报：道路破损', '幸福路 12 号门口坑洼');
    expect(shown([at(0, one)], 1_000)).toEqual([
      {
        title: '新上报：道路破损',
        description: '幸福路 12 号门口坑洼',
        count: 1,
        target: '/cases/00000000-0000-4000-8000-000000000041',
      },
    ]);
  });

  it('folds five new reports into one pop-up that opens the queue', () => {
    const arrivals = [
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(900, notice(2, 'case.reported', '新上报：井盖缺失')),
      at(1_500, notice(3, 'case.reported', '新上报：路灯不亮')),
      at(2_000, notice(4, 'case.reported', '新上报：违章停车')),
      at(2_400, notice(5, 'case.reported', '新上报：垃圾满溢')),
    ];
    expect(shown(arrivals, 3_000)).toEqual([
      { title: '新上报 5 件', description: '最新：新上报：垃圾满溢', count: 5, target: '/cases' },
    ]);
    expect(shown(arrivals, 3_000, DISPATCHER, english)).toEqual([
      { title: 'New reports: 5', description: 'Latest: 新上报：垃圾满溢', count: 5, target: '/cases' },
    ]);
  });

  it('makes one pop-up per kind, the newest group first', () => {
    const arrivals = [
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(100, notice(2, 'case.overdue', 'ZZ20261127001：已超期')),
      at(200, notice(3, 'case.return', 'ZZ20261127002：退回')),
      at(300, notice(4, 'case.reported', '新上报：井盖缺失')),
      at(400, notice(5, 'case.overdue', 'ZZ20261127003：已超期')),
      at(500, notice(6, 'case.return', 'ZZ20261127004：退回')),
      at(600, notice(7, 'case.request_extension', 'ZZ20261127005：申请延期')),
      at(700, notice(8, 'case.reported', '新上报：路灯不亮')),
      at(800, notice(9, 'case.request_extension', 'ZZ20261127006：申请延期')),
    ];
    expect(shown(arrivals, 1_000)).toEqual([
      {
        title: '申请延期 2 件',
        description: '最新：ZZ20261127006：申请延期',
        count: 2,
        target: '/cases?tab=approval',
      },
      { title: '新上报 3 件', description: '最新：新上报：路灯不亮', count: 3, target: '/cases' },
      { title: '退回 2 件', description: '最新：ZZ20261127004：退回', count: 2, target: '/cases?tab=accepted' },
      { title: '已超期 2 件', description: '最新：ZZ20261127003：已超期', count: 2, target: '/supervision' },
    ]);
  });

  it('orders by arrival, not by the order the list was handed over', () => {
    const arrivals = [
      at(2_000, notice(3, 'case.overdue', 'ZZ20261127003：已超期')),
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(3_000, notice(4, 'case.reported', '新上报：井盖缺失')),
      at(1_000, notice(2, 'case.overdue', 'ZZ20261127001：已超期')),
    ];
    expect(shown(arrivals, 3_500).map((g) => g.title)).toEqual(['新上报 2 件', '已超期 2 件']);
    expect(shown(arrivals, 3_500)[0]?.description).toBe('最新：新上报：井盖缺失');
  });

  it('keeps a burst together while each notification comes less than 8 s after the one before', () => {
    const arrivals = [
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(7_999, notice(2, 'case.reported', '新上报：井盖缺失')),
      at(15_998, notice(3, 'case.reported', '新上报：路灯不亮')),
    ];
    expect(shown(arrivals, 16_000).map((g) => g.title)).toEqual(['新上报 3 件']);
  });

  it('starts a new burst when 8 s passed since the last notification of that kind', () => {
    const arrivals = [
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(1_000, notice(2, 'case.reported', '新上报：井盖缺失')),
      at(9_000, notice(3, 'case.reported', '新上报：路灯不亮', '东三街')),
    ];
    expect(shown(arrivals, 9_500)).toEqual([
      {
        title: '新上报：路灯不亮',
        description: '东三街',
        count: 1,
        target: '/cases/00000000-0000-4000-8000-000000000003',
      },
    ]);
  });

  it('shows a burst until 8 s after its last notification, not at 8 s', () => {
    const arrivals = [
      at(0, notice(1, 'case.reported', '新上报：道路破损')),
      at(2_000, notice(2, 'case.reported', '新上报：井盖缺失')),
    ];
    expect(shown(arrivals, 9_999).map((g) => g.title)).toEqual(['新上报 2 件']);
    expect(shown(arrivals, 10_000)).toEqual([]);
  });

  it('closes each kind on its own: an older kind ends while a newer one goes on', () => {
    const arrivals = [
      at(0, notice(1, 'case.overdue', 'ZZ20261127001：已超期')),
      at(500, notice(2, 'case.overdue', 'ZZ20261127002：已超期')),
      at(6_000, notice(3, 'case.reported', '新上报：道路破损')),
      at(7_000, notice(4, 'case.reported', '新上报：井盖缺失')),
    ];
    expect(shown(arrivals, 8_499).map((g) => g.title)).toEqual(['新上报 2 件', '已超期 2 件']);
    expect(shown(arrivals, 8_500).map((g) => g.title)).toEqual(['新上报 2 件']);
  });

  it('links to the pages the person may open, else to the inbox', () => {
    const arrivals = [
      at(0, notice(1, 'case.overdue', 'ZZ20261127001：已超期')),
      at(100, notice(2, 'case.overdue', 'ZZ20261127002：已超期')),
      at(200, notice(3, 'case.dispatch', 'ZZ20261127003：派遣')),
      at(300, notice(4, 'case.dispatch', 'ZZ20261127004：派遣')),
      at(400, notice(5, 'case.verify_fail', 'ZZ20261127005：核查不通过（返工）')),
      at(500, notice(6, 'case.verify_fail', 'ZZ20261127006：核查不通过（返工）')),
    ];
    expect(shown(arrivals, 1_000, HANDLER).map((g) => [g.title, g.target])).toEqual([
      ['核查不通过（返工） 2 件', '/inbox'],
      ['新派遣 2 件', '/tasks'],
      ['已超期 2 件', '/tasks'],
    ]);
    expect(shown(arrivals.slice(0, 2), 1_000, ['case.read']).map((g) => g.target)).toEqual(['/inbox']);
  });

  it('names a kind it does not know as new messages', () => {
    const arrivals = [
      at(0, notice(1, 'dispute.new', '新纠纷：邻里噪音')),
      at(10, notice(2, 'dispute.new', '新纠纷：漏水')),
    ];
    expect(shown(arrivals, 100)).toEqual([
      { title: '新消息 2 条', description: '最新：新纠纷：漏水', count: 2, target: '/inbox' },
    ]);
  });
});
