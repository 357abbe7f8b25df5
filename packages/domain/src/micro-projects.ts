import { type MeetingCounts, type MeetingOutcome, meetingOutcome } from './deliberation.ts';

/**
 * 民生微实事 (small livelihood projects): residents propose small public-benefit works for their village
 * or community (a ramp, street lights, a pavilion, meals for the elderly); the cadres shortlist them
 * (审核入库) or turn them down with a reason; the representatives' meeting votes on the shortlist; the
 * approved ones are implemented on a budget and their result published. Local practice (深圳
 * 《民生微实事》 and others), not national law; the vote follows 村民委员会组织法 art. 26 through
 * `meetingOutcome` (deliberation.ts). Zod-free: the phone reads it.
 */

/** Categories (as data, in display order). */
export const MICRO_PROJECT_CATEGORIES = [
  'elderly_disabled', // 适老助残
  'environment', // 环境美化
  'culture_sports', // 文体设施
  'safety', // 安全设施
  'convenience', // 便民服务
  'other', // 其他
] as const;
export type MicroProjectCategory = (typeof MICRO_PROJECT_CATEGORIES)[number];

export const MICRO_PROJECT_CATEGORY_NAMES: Record<MicroProjectCategory, string> = {
  elderly_disabled: '适老助残',
  environment: '环境美化',
  culture_sports: '文体设施',
  safety: '安全设施',
  convenience: '便民服务',
  other: '其他',
};

/**
 * The cap on one project's budget, in integer fen. A local setting (Shenzhen's districts set theirs,
 * commonly 20 万元 for a 民生微实事 project); the platform's default is ¥200,000.
 */
export const MICRO_PROJECT_BUDGET_CAP_FEN = 20_000_000;

/** Text limits the phone form and the server share. */
export const MICRO_PROJECT_LIMITS = {
  titleMax: 100,
  textMax: 2000,
  placeMax: 200,
  reasonMax: 500,
  photosMax: 6,
  batchMax: 50,
} as const;

/** The states, in order of the life of a project. */
export const MICRO_PROJECT_STATES = [
  'proposed', // 居民提出
  'shortlisted', // 审核入库，待代表会议表决
  'rejected', // 未入库（须说明理由，告知提出人）
  'approved', // 代表会议表决通过
  'not_approved', // 表决未通过
  'implementing', // 实施中（实施单位、预算、完成期限）
  'completed', // 已验收（验收意见、前后照片、实际费用）
  'published', // 实施结果已公开
] as const;
export type MicroProjectState = (typeof MICRO_PROJECT_STATES)[number];

export const MICRO_PROJECT_STATE_NAMES: Record<MicroProjectState, string> = {
  proposed: '已提出',
  shortlisted: '已入库',
  rejected: '未入库',
  approved: '表决通过',
  not_approved: '表决未通过',
  implementing: '实施中',
  completed: '已验收',
  published: '结果已公开',
};

/** What may be done to a project, the states it is allowed from and where it goes (the vote: either way). */
export const MICRO_PROJECT_STEPS = {
  shortlist: { from: ['proposed'], to: ['shortlisted'] },
  reject: { from: ['proposed'], to: ['rejected'] },
  vote: { from: ['shortlisted'], to: ['approved', 'not_approved'] },
  implement: { from: ['approved'], to: ['implementing'] },
  complete: { from: ['implementing'], to: ['completed'] },
  publish: { from: ['completed'], to: ['published'] },
} as const satisfies Record<string, { from: readonly MicroProjectState[]; to: readonly MicroProjectState[] }>;
export type MicroProjectStep = keyof typeof MICRO_PROJECT_STEPS;

/** Whether `step` may be taken from `state`. */
export function microProjectStepAllowed(step: MicroProjectStep, state: MicroProjectState): boolean {
  return (MICRO_PROJECT_STEPS[step].from as readonly MicroProjectState[]).includes(state);
}

/** The steps open from `state` (for the web's buttons). */
export function microProjectSteps(state: MicroProjectState): MicroProjectStep[] {
  return (Object.keys(MICRO_PROJECT_STEPS) as MicroProjectStep[]).filter((s) => microProjectStepAllowed(s, state));
}

/** The body that votes on the shortlist: the villagers'/residents' representatives (art. 26). */
export const MICRO_PROJECT_VOTING_BODY = 'representatives_meeting' as const;

/** One project's votes at the representatives' meeting. */
export interface ProjectVote {
  inFavour: number;
  against: number;
  abstaining: number;
}

export interface BatchOutcome {
  /** The meeting's quorum on the roll (the same for every project). */
  quorate: boolean;
  quorumNeeded: number;
  /** Per project, in the order given: the arithmetic of art. 26 on that project's votes. */
  items: MeetingOutcome[];
}

/**
 * The outcome of one representatives' meeting voting on several shortlisted projects: the roll's size
 * (`expected`, frozen) and those present are the meeting's; each project has its own votes. The
 * arithmetic is deliberation.ts `meetingOutcome` for the representatives' meeting, applied per project.
 */
export function batchOutcome(expected: number, present: number, votes: readonly ProjectVote[]): BatchOutcome {
  const items = votes.map((v) =>
    meetingOutcome(MICRO_PROJECT_VOTING_BODY, 'members', { expected, present, ...v } satisfies MeetingCounts),
  );
  const base = meetingOutcome(MICRO_PROJECT_VOTING_BODY, 'members', {
    expected,
    present,
    inFavour: 0,
    against: 0,
    abstaining: 0,
  });
  return { quorate: base.quorate, quorumNeeded: base.quorumNeeded, items };
}

/** ¥ from fen, for display (two decimals). */
export function yuanOfFen(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Fen from a yuan amount typed in a form (null when it is not a non-negative amount with at most 2 decimals). */
export function fenOfYuan(yuan: string | number): number | null {
  const s = String(yuan).trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.') as [string, string?];
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}
