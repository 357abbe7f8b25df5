import base from './en.json';
import cases from './cases.en.json';
import disputes from './disputes.en.json';
import mobile from './mobile.en.json';
import setup from './setup.en.json';
import reception from './reception.en.json';
import petitions from './petitions.en.json';
import screening from './screening.en.json';
import disputeStats from './disputeStats.en.json';
import votes from './votes.en.json';
import notices from './notices.en.json';

// Loaded on demand when English is chosen (i18n/index.ts); the same areas as resources.zh-CN.ts.
export const en = {
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
