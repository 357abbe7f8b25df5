import { type CaseAction, ruleOf } from '@gewu/domain';

/** Which special dialog an action opens; the rest share the generic one. */
export type DialogKind = 'dispatch' | 'merge' | 'convert' | 'generic';

/** What the generic action dialog asks for. */
export interface ActionForm {
  dialog: DialogKind;
  /** The note (reason) is required by the rules (domain CASE_LIFE), else optional. */
  noteRequired: boolean;
  /** The item's condition the centre confirms (accept: filing, close: closing), by the rules. */
  confirms: 'filing' | 'closing' | null;
  /** Photos of the work (steps, feedback, verification). */
  photos: boolean;
  /** request_extension: the new deadline. */
  until: boolean;
  /** decide_extension / decide_suspension: approve or not. */
  decision: boolean;
  /** rate (and optionally callback): 满意/基本满意/不满意 + resolved. */
  rating: 'required' | 'optional' | null;
  /** supervise: 督办 / 挂牌督办 with a rectify-by date. */
  supervise: boolean;
  /** Confirm as a dangerous action (red button). */
  danger: boolean;
}

const PHOTO_ACTIONS: readonly CaseAction[] = ['step', 'feed_back', 'co_feed_back', 'verify_pass', 'verify_fail'];
const DANGER_ACTIONS: readonly CaseAction[] = ['reject', 'void', 'return', 'verify_fail', 'reopen', 'claim_reopen'];

export function actionForm(action: CaseAction): ActionForm {
  return {
    dialog:
      action === 'dispatch'
        ? 'dispatch'
        : action === 'merge'
          ? 'merge'
          : action === 'convert_to_dispute'
            ? 'convert'
            : 'generic',
    noteRequired: ruleOf(action).note,
    confirms: ruleOf(action).confirms ?? null,
    photos: PHOTO_ACTIONS.includes(action),
    until: action === 'request_extension',
    decision: action === 'decide_extension' || action === 'decide_suspension',
    rating: action === 'rate' ? 'required' : action === 'callback' ? 'optional' : null,
    supervise: action === 'supervise',
    danger: DANGER_ACTIONS.includes(action),
  };
}

/** The order the buttons appear in: the main next step first, side paths after, then supervision. */
const BUTTON_ORDER: readonly CaseAction[] = [
  'accept',
  'dispatch',
  'sign',
  'step',
  'feed_back',
  'co_feed_back',
  'verify_pass',
  // 市民认领: the grid worker confirms a volunteer's work, or sends it back.
  'claim_confirm',
  'close',
  'decide_extension',
  'decide_suspension',
  'resume',
  'rate',
  'callback',
  'request_extension',
  'request_suspension',
  'merge',
  'convert_to_dispute',
  'escalate',
  'return',
  'verify_fail',
  'claim_reopen',
  'reject',
  'void',
  'reopen',
  'supervise',
];

/** The actions the server offers, in the order the screen shows them; the first is the primary button. */
export function orderActions(actions: readonly CaseAction[]): CaseAction[] {
  return [...actions].sort((a, b) => BUTTON_ORDER.indexOf(a) - BUTTON_ORDER.indexOf(b));
}

/** The latest pending request's asked-for deadline (from the timeline), for the approval dialog. */
export function requestedUntil(events: readonly { type: string; data: Record<string, unknown> }[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'request_extension')
      return typeof e.data.requestedUntil === 'string' ? e.data.requestedUntil : null;
  }
  return null;
}
