// Plain constants without zod, so the phone's report form can check them (offline too) without
// loading the schemas (cases-contracts.ts builds its schemas from them).

/** The report's limits, for the forms that check them before sending (the phone checks offline too). */
export const REPORT_LIMITS = {
  descriptionMin: 2,
  descriptionMax: 4000,
  addressMax: 200,
  photosMax: 9,
  selfHandleNoteMin: 2,
  selfHandleNoteMax: 2000,
} as const;

/** An action's limits (the note and the photos), for the forms that check them before sending. */
export const CASE_ACTION_LIMITS = { noteMax: 2000, photosMax: 9 } as const;

/** 我也遇到: a supplement's limits, checked on the phone before sending (cases-nearby.ts builds its schema from them). */
export const SUPPLEMENT_LIMITS = { noteMin: 2, noteMax: 1000, photosMax: CASE_ACTION_LIMITS.photosMax } as const;
