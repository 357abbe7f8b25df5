export { regions } from '../modules/regions/regions.table.ts';
export { users, sessions } from '../modules/users/users.table.ts';
export { auditLog } from '../platform/audit/audit.table.ts';
export { grids, gridBoundaries, gridAssignments, changeCounters } from '../modules/grids/grids.table.ts';
export { residents, buildings, houses, residentHouses, organisations, keyPlaces, specialPopulations, visits } from '../modules/people/people.table.ts';
export { importJobs } from '../modules/imports/imports.table.ts';
