import { describe, expect, it } from 'vitest';
import { dueText } from './format.ts';

describe('dueText', () => {
  it('names the last minute of the period, not the midnight after it', () => {
    // Midnight starting 1 January in the browser's own zone (Beijing for the users).
    const midnight = new Date(2027, 0, 1, 0, 0).toISOString();
    expect(dueText(midnight)).toBe('2026-12-31 23:59');
    expect(dueText(new Date(2026, 11, 4, 0, 0).toISOString())).toBe('2026-12-03 23:59');
  });
});
