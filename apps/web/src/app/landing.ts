import type { Role } from '@gewu/domain';

/**
 * Who lands where (issue 14, the phone pages point 3): the one rule that sends a signed-in user to
 * the phone pages (/m) or the desktop pages (/). Pure, so it is tested with a hand-made table
 * (landing.test.ts); the browser facts and the remembered choice are read by the helpers below.
 */

/**
 * Roles whose work is done on the street: they get phone screens (上报、任务、签收处置反馈、核查; a
 * mediator's 我的纠纷, sessions recorded on the spot, the signed agreement photographed).
 */
export const PHONE_ROLES: readonly Role[] = ['resident', 'grid_worker', 'handler', 'mediator'];

/** A phone: a finger, not a mouse, and a screen whose shorter side is under this many CSS pixels. */
export const PHONE_SHORT_SIDE_MAX = 600;

export interface DeviceFacts {
  /** `(pointer: coarse)`: the primary pointer is a finger. */
  coarsePointer: boolean;
  /** The screen's size in CSS pixels (either orientation). */
  screenWidth: number;
  screenHeight: number;
}

/** The user's own choice, made with the 电脑版 / 手机版 switch; null: none made. */
export type SurfaceChoice = 'phone' | 'desktop' | null;

export type Landing = '/m' | '/';

export function isPhoneDevice(d: DeviceFacts): boolean {
  return d.coarsePointer && Math.min(d.screenWidth, d.screenHeight) < PHONE_SHORT_SIDE_MAX;
}

export function hasPhoneRole(roles: readonly Role[]): boolean {
  return roles.some((r) => PHONE_ROLES.includes(r));
}

/** Residents have no desktop pages at all: their screens are the phone ones wherever they are. */
export function isResidentOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'resident');
}

/**
 * Where the user lands: residents always on the phone pages; otherwise the user's choice when made
 * (the phone pages only for a phone role); otherwise the phone pages for a phone role on a phone,
 * and the desktop pages for everyone else (a dispatcher on a phone included).
 */
export function landingFor(roles: readonly Role[], device: DeviceFacts, choice: SurfaceChoice): Landing {
  if (isResidentOnly(roles)) return '/m';
  if (!hasPhoneRole(roles)) return '/';
  if (choice) return choice === 'phone' ? '/m' : '/';
  return isPhoneDevice(device) ? '/m' : '/';
}

const choiceKey = (userId: string) => `gewu.surface.${userId}`;

/** The switch's last position for this user on this device (another user's choice is theirs). */
export function readSurfaceChoice(userId: string): SurfaceChoice {
  try {
    const v = localStorage.getItem(choiceKey(userId));
    return v === 'phone' || v === 'desktop' ? v : null;
  } catch {
    return null; // storage blocked: no remembered choice
  }
}

export function rememberSurfaceChoice(userId: string, choice: 'phone' | 'desktop'): void {
  try {
    localStorage.setItem(choiceKey(userId), choice);
  } catch {
    // storage blocked: the switch still works for this visit
  }
}

/** The browser's facts now. */
export function currentDevice(): DeviceFacts {
  return {
    coarsePointer: typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches,
    screenWidth: screen.width,
    screenHeight: screen.height,
  };
}
