import zhCNBase from './zh-CN.json';
import enBase from './en.json';
import casesZh from './cases.zh-CN.json';
import casesEn from './cases.en.json';
import mobileZh from './mobile.zh-CN.json';
import mobileEn from './mobile.en.json';
import setupZh from './setup.zh-CN.json';
import setupEn from './setup.en.json';

// One file per area (base, case handling, phone screens), so each area's strings stay together.
export const zhCN = { ...zhCNBase, ...casesZh, ...mobileZh, ...setupZh };
export const en = { ...enBase, ...casesEn, ...mobileEn, ...setupEn };
