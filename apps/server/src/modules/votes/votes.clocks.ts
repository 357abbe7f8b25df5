import { sql } from 'drizzle-orm';
import { type PendingLight, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';
import { closeVotesOnTheirClock } from './votes.service.ts';

/*
 * An open vote's closing time on the clock engine (platform/clocks) as the kind `vote.close`: subject the
 * vote, stage 'open', one light change — red once the closing time has passed. The sweep then closes
 * the vote with the manual close's own code (closeOpenVote: claim, tally, store, audit, notify owners
 * and staff); its `notices` are empty because that code tells people. A vote closed by hand before its
 * time takes its pending row back; one closed meanwhile is left alone (the subjects keep open votes only).
 * Ballots need no sweep: from the closing time on they are refused (votes.ballots).
 */

export const voteCloseClock = registerClock({
  name: 'vote.close',
  lights: {
    red: {
      subjects: (now) =>
        sql`SELECT v.id FROM due JOIN owner_votes v ON v.id = due.subject_id AND v.state = 'open'
              AND ${lightReachedSql('red', sql.raw('v.closes_at'), now)}`,
      notices: () =>
        sql`SELECT NULL::uuid, NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::uuid, NULL::jsonb, NULL::timestamptz, NULL::text, NULL::uuid FROM s WHERE false`,
      act: (deps, ids) => closeVotesOnTheirClock(deps, ids),
    },
  },
});

/** The vote's pending light change: red at its closing time. */
export const closingLights = (closesAt: Date): PendingLight[] => [{ stage: 'open', light: 'red', at: closesAt }];
