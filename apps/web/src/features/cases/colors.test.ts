import { describe, expect, it } from 'vitest';
import { STATE_COLORS, eventColor } from './colors.ts';

describe('case colours', () => {
  it('mark setbacks red, confirmed results green and every other event blue', () => {
    const shown = [
      'reject',
      'void',
      'return',
      'verify_fail',
      'reopen',
      'supervise',
      'verify_pass',
      'close',
      'self_handle',
      'rate',
      'feed_back',
      'escalate',
      'report',
      'dispatch',
      'no_such_event',
    ].map((type) => [type, eventColor(type)]);
    expect(shown).toEqual([
      ['reject', 'red'],
      ['void', 'red'],
      ['return', 'red'],
      ['verify_fail', 'red'],
      ['reopen', 'red'],
      ['supervise', 'red'],
      ['verify_pass', 'green'],
      ['close', 'green'],
      ['self_handle', 'green'],
      ['rate', 'green'],
      ['feed_back', 'blue'],
      ['escalate', 'blue'],
      ['report', 'blue'],
      ['dispatch', 'blue'],
      ['no_such_event', 'blue'],
    ]);
  });

  it('leave red, orange and green to the warning lights except for a closed case', () => {
    const warm = ['red', 'volcano', 'orange', 'gold', 'yellow', 'warning', 'error', 'green', 'success'];
    const taken = Object.entries(STATE_COLORS).filter(([, colour]) => warm.includes(colour));
    expect(taken).toEqual([['closed', 'success']]);
  });
});
