import type { DisputeRisk, DisputeState } from '@gewu/domain';

/**
 * A dispute state's tag colour (Ant Design preset names): the centre's intake in blues, the
 * organisation's mediation in purple, the agreement's after-life (司法确认, 履行回访) in cyan and lime,
 * closed in green; the ends without an agreement grey. Red, orange and green are left to the stage
 * lights and the risk tags beside them.
 */
export const DISPUTE_STATE_COLORS: Record<DisputeState, string> = {
  registered: 'blue',
  accepted: 'geekblue',
  diverted: 'purple',
  mediating: 'magenta',
  agreed: 'cyan',
  confirming: 'cyan',
  performing: 'lime',
  closed: 'success',
  failed: 'default',
  declined: 'default',
};

/** 风险等级: 一般 quiet, 较大 orange, 重大 red. */
export const RISK_COLORS: Record<DisputeRisk, string> = { general: 'default', serious: 'orange', major: 'red' };

export type EventColor = 'red' | 'green' | 'blue' | 'gray';

/** A timeline event's dot colour: an end without agreement or a hand-up red, an agreement or a result green. */
export function disputeEventColor(type: string): EventColor {
  if (type === 'decline' || type === 'fail' || type === 'escalate') return 'red';
  if (type === 'agree' || type === 'record_confirmation' || type === 'close' || type === 'attach_signed_agreement')
    return 'green';
  if (type === 'assess_risk') return 'gray';
  return 'blue';
}
