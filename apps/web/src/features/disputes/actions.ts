import { DISPUTE_ACTIONS, type DisputeAction, disputeRuleOf } from '@gewu/domain';

/** Which dialog an action opens: diversion and the agreement have their own; the rest share one. */
export type DisputeDialogKind = 'divert' | 'agree' | 'generic';

/** Actions whose button is red: they end the matter here or hand it away. */
const DANGER: readonly DisputeAction[] = ['decline', 'fail', 'escalate'];
/** Actions whose record takes photos (a session's, a follow-up's, the agreement's). */
const PHOTOS: readonly DisputeAction[] = ['record_session', 'agree', 'follow_up'];
/**
 * Actions not on the action bar: the signed scan is uploaded from the documents; 转案件 is filed through
 * its own route (POST /api/disputes/:id/case), which the generic action dialog does not call.
 */
export const DOCUMENT_ACTIONS: readonly DisputeAction[] = ['attach_signed_agreement', 'refer_case'];

export interface DisputeActionForm {
  dialog: DisputeDialogKind;
  /** The rules (DISPUTE_LIFE) require a note. */
  noteRequired: boolean;
  photos: boolean;
  danger: boolean;
}

export function disputeActionForm(action: DisputeAction): DisputeActionForm {
  return {
    dialog: action === 'divert' ? 'divert' : action === 'agree' ? 'agree' : 'generic',
    noteRequired: disputeRuleOf(action).note,
    photos: PHOTOS.includes(action),
    danger: DANGER.includes(action),
  };
}

/** The action bar's buttons: what the server offers (DISPUTE_LIFE for the viewer), in the flow's order. */
export function barActions(offered: readonly DisputeAction[]): DisputeAction[] {
  return DISPUTE_ACTIONS.filter((a) => offered.includes(a) && !DOCUMENT_ACTIONS.includes(a));
}

/** Actions that are not the next step forward (the button is not the highlighted one). */
const SIDE_ACTIONS: readonly DisputeAction[] = [
  'reassign',
  'escalate',
  'fail',
  'decline',
  'waive_confirmation',
  'assess_risk',
];

/** The highlighted button: the first action that moves the dispute forward, else the first. */
export function primaryAction(actions: readonly DisputeAction[]): DisputeAction | undefined {
  return actions.find((a) => !SIDE_ACTIONS.includes(a)) ?? actions[0];
}
