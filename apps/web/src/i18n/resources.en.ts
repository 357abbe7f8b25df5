import base from './en.json';
import cases from './cases.en.json';
import disputes from './disputes.en.json';
import mobile from './mobile.en.json';
import setup from './setup.en.json';

// Loaded on demand when English is chosen (i18n/index.ts); the same areas as resources.zh-CN.ts.
export const en = { ...base, ...cases, ...disputes, ...mobile, ...setup };
