import { describe, expect, it } from 'vitest';
import { barActions, disputeActionForm, primaryAction } from './actions.ts';
import { boardTabsFor } from './boardTabs.ts';

// Written by hand from DISPUTE_LIFE's brief (domain.md, 人民调解法): which button is highlighted, which
// dialog asks for a note, and what the board offers each role.
describe('the dispute action bar', () => {
  it('keeps the flow’s order, leaves the signed scan to the documents card, and highlights the step forward', () => {
    const mediating = ['reassign', 'record_session', 'agree', 'fail', 'escalate'] as const;
    expect(barActions([...mediating].reverse())).toEqual(['reassign', 'record_session', 'agree', 'fail', 'escalate']);
    expect(primaryAction(barActions([...mediating]))).toBe('record_session');
    const agreed = ['apply_confirmation', 'waive_confirmation', 'assess_risk', 'attach_signed_agreement'] as const;
    expect(barActions([...agreed])).toEqual(['apply_confirmation', 'waive_confirmation', 'assess_risk']);
    expect(primaryAction(['decline', 'assess_risk'])).toBe('decline');
    expect(primaryAction(['accept', 'decline', 'assess_risk'])).toBe('accept');
    expect(primaryAction([])).toBeUndefined();
  });

  it('asks for a note where the rules require one and opens the special dialogs', () => {
    const rows: [string, boolean, string, boolean][] = [
      // action, note required, dialog, danger
      ['accept', false, 'generic', false],
      ['decline', true, 'generic', true],
      ['divert', false, 'divert', false],
      ['record_session', true, 'generic', false],
      ['agree', false, 'agree', false],
      ['fail', true, 'generic', true],
      ['escalate', true, 'generic', true],
      ['waive_confirmation', true, 'generic', false],
      ['follow_up', true, 'generic', false],
      ['close', false, 'generic', false],
      ['attach_signed_agreement', false, 'generic', false],
    ];
    for (const [action, note, dialog, danger] of rows) {
      const f = disputeActionForm(action as never);
      expect([action, f.noteRequired, f.dialog, f.danger]).toEqual([action, note, dialog, danger]);
    }
  });
});

describe('the board’s tabs', () => {
  it('give mediators their own disputes first, the centre its queue, leaders everything', () => {
    expect(boardTabsFor({ roles: ['mediator'] })).toEqual(['mine', 'queue', 'all']);
    expect(boardTabsFor({ roles: ['dispatcher'] })).toEqual(['queue', 'all']);
    expect(boardTabsFor({ roles: ['leader'] })).toEqual(['all']);
  });
});
