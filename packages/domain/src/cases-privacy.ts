/**
 * Who reported a case, as each viewer may see it — the one rule every view of a case and of its
 * timeline goes through (the case detail, the answer to an action, and so the web and phone
 * timelines, which only print what they are given).
 *
 * - A report filed anonymously (匿名上报) names nobody to anyone but its reporter: not the name,
 *   not the phone, not the account — and not as the actor of its events (the report itself, and
 *   what the reporter does later: rating, reopening). Residents may report anonymously so that
 *   nobody handling a complaint about a neighbour, a landlord or an official can find out who made
 *   it; 个人信息保护法 art. 6 (only what the purpose needs) and art. 10 (no disclosure) apply, and
 *   handling a case never needs the name of someone who chose not to give it.
 * - Otherwise the reporter's name goes to the centre (it accepts and calls back) and to the reporter;
 *   the masked phone to the centre only.
 * - A resident sees what was done on their case, not which staff member did it.
 *
 * The audit log keeps the account that filed (网络安全法 art. 21): it is read by the auditor only.
 */
export interface ReporterFacts {
  anonymous: boolean;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhoneMasked: string | null;
}

export interface CaseViewer {
  id: string;
  /** Only the resident role (a member of the public). */
  resident: boolean;
  /** The centre responsible for the case (受理派遣). */
  centre: boolean;
}

export interface EventActorFacts {
  type: string;
  actorId: string | null;
  actorName: string | null;
}

export interface ReporterView {
  reporterName: string | null;
  reporterPhoneMasked: string | null;
  /** The name to show as an event's actor, or null. */
  actorName(e: EventActorFacts): string | null;
}

export function reporterView(viewer: CaseViewer, c: ReporterFacts): ReporterView {
  const own = c.reporterUserId !== null && c.reporterUserId === viewer.id;
  const hidden = c.anonymous && !own;
  const byReporter = (e: EventActorFacts) =>
    e.type === 'report' || (c.reporterUserId !== null && e.actorId === c.reporterUserId);
  return {
    reporterName: hidden ? null : own || viewer.centre ? c.reporterName : null,
    reporterPhoneMasked: hidden ? null : viewer.centre ? c.reporterPhoneMasked : null,
    actorName: (e) => {
      // The reporter's name, as the actor of their own events too, goes where reporterName goes.
      if (byReporter(e) && (hidden || !(own || viewer.centre))) return null;
      if (viewer.resident && e.actorId !== viewer.id) return null;
      return e.actorName;
    },
  };
}
