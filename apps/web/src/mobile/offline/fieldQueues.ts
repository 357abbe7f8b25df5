/**
 * The field work waiting on the device (巡查, 隐患排查, 走访, a volunteer's 认领 closed), one queue per
 * kind (deviceQueue.ts): the app-wide outbox (useOutbox.tsx) sends them all whatever page is open, and
 * the pending banner and the logout warning count them with the reports.
 */
import { patrolOutbox } from '../field/patrolOutbox.ts';
import { inspectionOutbox } from '../inspections/inspectionQueue.ts';
import { visitOutbox } from '../visits/visitQueue.ts';
import { claimOutbox } from '../volunteer/claimQueue.ts';
import type { DeviceItem, DeviceOutcome } from './deviceQueue.ts';

export type FieldKind = 'patrol' | 'inspection' | 'visit' | 'claim';

/** What the app-wide outbox needs of a queue. */
export interface FieldQueue {
  subscribe(listener: () => void): () => void;
  list(userId: string): Promise<DeviceItem[]>;
  sync(userId: string): Promise<DeviceOutcome<DeviceItem>[]>;
}

export const FIELD_QUEUES: readonly { kind: FieldKind; queue: FieldQueue }[] = [
  { kind: 'patrol', queue: patrolOutbox },
  { kind: 'inspection', queue: inspectionOutbox },
  { kind: 'visit', queue: visitOutbox },
  { kind: 'claim', queue: claimOutbox },
];

/** How many records of one kind wait on the device, and how many of them the server refused. */
export interface FieldCount {
  kind: FieldKind;
  pending: number;
  failed: number;
}
