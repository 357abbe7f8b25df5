import type { CaseEventType, CaseState, Light } from '@gewu/domain';

// The case chain's colours, for the desktop console and the phone screens alike.

/**
 * A state's tag colour (Ant Design preset names), by who holds the case: the centre's intake in
 * blues, the unit's work in purple and magenta, the centre's verification in cyan and lime, done
 * in green. Red, orange and green are otherwise left to the warning lights, which sit
 * next to the tag in every list; the ends without handling (rejected, voided, merged, converted) and the
 * paused case are grey.
 */
export const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  accepted: 'geekblue',
  dispatched: 'purple',
  handling: 'magenta',
  suspended: 'default',
  fed_back: 'cyan',
  verified: 'lime',
  closed: 'success',
  rejected: 'default',
  voided: 'default',
  merged: 'default',
  converted: 'default',
  claimed: 'purple',
  claim_done: 'cyan',
};

/** The warning lights (绿灯/黄灯/红灯). */
export const LIGHT_COLORS: Record<Light, string> = { green: '#2f9e44', yellow: '#f59f00', red: '#e03131' };

export type EventColor = 'red' | 'green' | 'blue';

/** Events that turn the case back or stop it: refused, voided, returned, failed verification, reopened, supervised. */
const SETBACKS: ReadonlySet<string> = new Set<CaseEventType>([
  'reject',
  'void',
  'return',
  'verify_fail',
  'reopen',
  'supervise',
  'claim_reopen',
]);
/**
 * Events that confirm a result: verified, closed, handled on the spot, rated. A unit's feedback is
 * not one of them (the centre has not checked it yet), nor is escalating (the case moves on).
 */
const RESULTS: ReadonlySet<string> = new Set<CaseEventType>([
  'verify_pass',
  'close',
  'self_handle',
  'rate',
  'claim_confirm',
]);

/** A timeline event's dot colour; every other event (and an unknown one) is blue. */
export const eventColor = (type: string): EventColor =>
  SETBACKS.has(type) ? 'red' : RESULTS.has(type) ? 'green' : 'blue';
