import base from './zh-CN.json';
import cases from './cases.zh-CN.json';
import disputes from './disputes.zh-CN.json';
import mobile from './mobile.zh-CN.json';
import setup from './setup.zh-CN.json';
import reception from './reception.zh-CN.json';
import petitions from './petitions.zh-CN.json';
import screening from './screening.zh-CN.json';
import disputeStats from './disputeStats.zh-CN.json';
import votes from './votes.zh-CN.json';
import notices from './notices.zh-CN.json';

// One file per area (base, case handling, disputes, phone screens, setup), so each area's strings stay together.
// Chinese is in the first load; English (resources.en.ts) loads only when chosen.
export const zhCN = {
  ...base,
  ...cases,
  ...disputes,
  ...mobile,
  ...setup,
  ...reception,
  ...petitions,
  ...screening,
  ...disputeStats,
  ...votes,
  ...notices,
};
