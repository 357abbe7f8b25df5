import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { notApprovedVolunteer, regionNotFound } from './forces.errors.ts';
import { volunteers } from './forces.table.ts';

/** The village or township (in the actor's scope) a team or activity belongs to, or 404. */
export async function regionForForces(db: Db, actor: Actor, regionId: string): Promise<{ path: string }> {
  const r = await findRegionInScope(db, actor, regionId);
  if (!r || (r.level !== 'village' && r.level !== 'township')) throw regionNotFound();
  return r;
}

export type VolunteerRow = typeof volunteers.$inferSelect;

/** The actor's own volunteer registration, if any. */
export async function volunteerOf(db: Db, userId: string): Promise<VolunteerRow | null> {
  const [row] = await db.select().from(volunteers).where(eq(volunteers.userId, userId));
  return row ?? null;
}

/** The actor's registration if approved (the only volunteers who sign up and claim), else 403. */
export async function approvedVolunteer(db: Db, actor: Actor): Promise<VolunteerRow> {
  const [row] = await db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.userId, actor.id), eq(volunteers.state, 'approved')));
  if (!row) throw notApprovedVolunteer();
  return row;
}
