export { regions } from '../modules/regions/regions.table.ts';
export { users, sessions } from '../modules/users/users.table.ts';
export { loginAccountFailures, loginFailures } from '../modules/users/login-failures.table.ts';
export { auditChain, auditLog } from '../platform/audit/audit.table.ts';
export { jobMarks } from '../platform/jobs.table.ts';
export { clockDeadlines } from '../platform/clocks/clocks.table.ts';
export { grids, gridBoundaries, gridAssignments, changeCounters } from '../modules/grids/grids.table.ts';
export {
  residents,
  buildings,
  houses,
  residentHouses,
  organisations,
  keyPlaces,
  specialPopulations,
} from '../modules/people/people.table.ts';
export { visitIntervals } from '../modules/people/special.table.ts';
export { visits } from '../modules/visits/visits.table.ts';
export { importJobs } from '../modules/imports/imports.table.ts';
export { units } from '../modules/units/units.table.ts';
export { items, itemAdmissions } from '../modules/items/items.table.ts';
export { workCalendars } from '../modules/calendar/calendar.table.ts';
export {
  cases,
  caseEvents,
  caseUnits,
  caseCodeSeq,
  casePublications,
  caseSupplements,
} from '../modules/cases/cases.table.ts';
export { attachments } from '../modules/attachments/attachments.table.ts';
export { notifications, notificationReads } from '../modules/notifications/notifications.table.ts';
export { apiKeys } from '../modules/apikeys/api-keys.table.ts';
export {
  disputes,
  disputeEvents,
  disputeParties,
  disputeTypes,
  disputeCodeSeq,
  mediationOrganisations,
  mediators,
} from '../modules/disputes/disputes.table.ts';
export { receptionVisits, receptionLookupFailures, receptionIdentities } from '../modules/reception/reception.table.ts';
export {
  petitions,
  petitionEvents,
  petitionPetitioners,
  petitionCodeSeq,
  petitionOpinionSeq,
} from '../modules/petitions/petitions.table.ts';
export {
  screeningSchedules,
  screeningRounds,
  screeningReports,
  screeningReportDisputes,
  riskMeetings,
  riskMeetingDecisions,
} from '../modules/screening/screening.table.ts';
export {
  deliberationBodies,
  deliberationRollMembers,
  deliberationMatters,
  deliberationStages,
} from '../modules/deliberation/deliberation.table.ts';
export { ownerVotes, ownerVoteVoters, ownerVoteBallots, ownerAccountLinks } from '../modules/votes/votes.table.ts';
export { noticeBoards, noticeSchedules, notices, noticeInquiries } from '../modules/notices/notices.table.ts';
export {
  consultationTopics,
  consultationSupports,
  consultationSettings,
} from '../modules/consultation/consultation.table.ts';
export { microProjects, microProjectVotes } from '../modules/projects/projects.table.ts';
export { patrols, patrolSegments, patrolCheckins, patrolNormSettings } from '../modules/patrols/patrols.table.ts';
export { inspectionAnswers, inspectionTemplates, inspections } from '../modules/inspections/inspections.table.ts';
export {
  forceTeams,
  forceMembers,
  volunteers,
  forceActivities,
  activitySignups,
} from '../modules/forces/forces.table.ts';
