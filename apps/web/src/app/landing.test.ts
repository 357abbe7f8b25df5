import { describe, expect, it } from 'vitest';
import type { Role } from '@gewu/domain';
import { isPhoneDevice, landingFor, type DeviceFacts, type Landing, type SurfaceChoice } from './landing.ts';

const PHONE: DeviceFacts = { coarsePointer: true, screenWidth: 390, screenHeight: 844 };
const PHONE_LANDSCAPE: DeviceFacts = { coarsePointer: true, screenWidth: 844, screenHeight: 390 };
const TABLET: DeviceFacts = { coarsePointer: true, screenWidth: 820, screenHeight: 1180 };
const DESKTOP: DeviceFacts = { coarsePointer: false, screenWidth: 1440, screenHeight: 900 };
/** A narrow desktop window (a mouse on a small laptop screen): not a phone. */
const SMALL_MOUSE: DeviceFacts = { coarsePointer: false, screenWidth: 390, screenHeight: 844 };

describe('isPhoneDevice', () => {
  // [device, phone?] — written by hand from the rule: a finger and a shorter side under 600 px.
  const table: [string, DeviceFacts, boolean][] = [
    ['phone upright', PHONE, true],
    ['phone on its side', PHONE_LANDSCAPE, true],
    ['tablet', TABLET, false],
    ['desktop', DESKTOP, false],
    ['mouse, small screen', SMALL_MOUSE, false],
    ['finger, shorter side 599', { coarsePointer: true, screenWidth: 599, screenHeight: 1000 }, true],
    ['finger, shorter side 600', { coarsePointer: true, screenWidth: 600, screenHeight: 1000 }, false],
  ];
  it.each(table)('%s', (_name, device, phone) => {
    expect(isPhoneDevice(device)).toBe(phone);
  });
});

describe('landingFor', () => {
  // [roles, device, choice, landing] — the expected landings are written out, not computed.
  const table: [Role[], DeviceFacts, SurfaceChoice, Landing][] = [
    // No choice made: phone roles on a phone land on the phone pages…
    [['resident'], PHONE, null, '/m'],
    [['grid_worker'], PHONE, null, '/m'],
    [['handler'], PHONE, null, '/m'],
    [['mediator'], PHONE, null, '/m'],
    [['grid_worker'], PHONE_LANDSCAPE, null, '/m'],
    // …and on the desktop pages anywhere else, except residents, who have no desktop pages.
    [['resident'], DESKTOP, null, '/m'],
    [['grid_worker'], DESKTOP, null, '/'],
    [['handler'], DESKTOP, null, '/'],
    [['handler'], TABLET, null, '/'],
    [['handler'], SMALL_MOUSE, null, '/'],
    [['mediator'], DESKTOP, null, '/'],
    // Desk roles stay on the desktop pages, on a phone too.
    [['dispatcher'], PHONE, null, '/'],
    [['leader'], PHONE, null, '/'],
    [['admin'], PHONE, null, '/'],
    [['auditor'], PHONE, null, '/'],
    // A desk role with a phone role: the phone role decides on a phone.
    [['dispatcher', 'grid_worker'], PHONE, null, '/m'],
    [['dispatcher', 'grid_worker'], DESKTOP, null, '/'],
    // The switch's choice wins for phone roles…
    [['handler'], PHONE, 'desktop', '/'],
    [['grid_worker'], PHONE, 'desktop', '/'],
    [['mediator'], PHONE, 'desktop', '/'],
    [['handler'], DESKTOP, 'phone', '/m'],
    [['grid_worker'], DESKTOP, 'phone', '/m'],
    // …but gives no phone pages to desk roles, and no desktop pages to residents.
    [['dispatcher'], PHONE, 'phone', '/'],
    [['resident'], PHONE, 'desktop', '/m'],
    [['resident'], DESKTOP, 'desktop', '/m'],
    // No roles at all: the desktop pages (which say what the account may do: nothing).
    [[], PHONE, null, '/'],
  ];
  it.each(table)('%j on %j, choice %s → %s', (roles, device, choice, landing) => {
    expect(landingFor(roles, device, choice)).toBe(landing);
  });
});
