/** Key-place kinds (重点场所; people.table key_places.kind). Zod-free: patrol check-ins on the phone read them. */
export const KEY_PLACE_KINDS = [
  'school',
  'hospital',
  'market',
  'station',
  'hazardous',
  'venue',
  'religious',
  'other',
] as const;
export type KeyPlaceKind = (typeof KEY_PLACE_KINDS)[number];
