import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '@gewu/domain';
import { actionForm, orderActions, requestedUntil } from './actions.ts';
import { isQueueTab, queueTabQuery, QUEUE_TABS } from './queueTabs.ts';

describe('actionForm', () => {
  it('asks for a note where the rules require one', () => {
    for (const a of [
      'reject',
      'void',
      'return',
      'step',
      'feed_back',
      'verify_fail',
      'callback',
      'reopen',
      'escalate',
      'supervise',
      'request_extension',
      'request_suspension',
    ] as const) {
      expect(actionForm(a).noteRequired, a).toBe(true);
    }
    for (const a of ['accept', 'dispatch', 'sign', 'close', 'verify_pass', 'rate', 'resume'] as const) {
      expect(actionForm(a).noteRequired, a).toBe(false);
    }
  });

  it('routes dispatch and merge to their own dialogs', () => {
    expect(actionForm('dispatch').dialog).toBe('dispatch');
    expect(actionForm('merge').dialog).toBe('merge');
    expect(actionForm('convert_to_dispute').dialog).toBe('convert');
    expect(actionForm('accept').dialog).toBe('generic');
  });

  it('asks for the extra facts each action needs', () => {
    expect(actionForm('request_extension').until).toBe(true);
    expect(actionForm('decide_extension').decision).toBe(true);
    expect(actionForm('decide_suspension').decision).toBe(true);
    expect(actionForm('rate').rating).toBe('required');
    expect(actionForm('callback').rating).toBe('optional');
    expect(actionForm('supervise').supervise).toBe(true);
    expect(actionForm('step').photos).toBe(true);
    expect(actionForm('feed_back').photos).toBe(true);
    expect(actionForm('accept').photos).toBe(false);
  });
});

describe('orderActions', () => {
  it('puts the main next step first and supervision last', () => {
    expect(orderActions(['supervise', 'reject', 'merge', 'accept', 'void', 'escalate'])).toEqual([
      'accept',
      'merge',
      'escalate',
      'reject',
      'void',
      'supervise',
    ]);
  });

  it('knows every action', () => {
    expect(orderActions([...CASE_ACTIONS]).length).toBe(CASE_ACTIONS.length);
  });
});

describe('requestedUntil', () => {
  it('takes the latest extension request', () => {
    const events = [
      { type: 'request_extension', data: { requestedUntil: '2026-12-01T00:00:00.000Z' } },
      { type: 'decide_extension', data: { approved: false } },
      { type: 'request_extension', data: { requestedUntil: '2026-12-03T00:00:00.000Z' } },
    ];
    expect(requestedUntil(events)).toBe('2026-12-03T00:00:00.000Z');
    expect(requestedUntil([])).toBeNull();
  });
});

describe('queue tabs', () => {
  it('maps every tab to a list query', () => {
    for (const tab of QUEUE_TABS) expect(queueTabQuery(tab).view).toMatch(/^(queue|all)$/);
    expect(queueTabQuery('verify')).toEqual({ view: 'queue', state: 'fed_back' });
    expect(queueTabQuery('approval')).toEqual({ view: 'queue', state: 'handling' });
  });

  it('recognises tab names from the URL', () => {
    expect(isQueueTab('accepted')).toBe(true);
    expect(isQueueTab('nope')).toBe(false);
    expect(isQueueTab(null)).toBe(false);
  });
});
