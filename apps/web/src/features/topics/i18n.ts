import i18n from '../../i18n/index.ts';
import zh from '../../i18n/topics.zh-CN.json';
import en from '../../i18n/topics.en.json';

/*
 * The 议事协商 strings, in their own namespace, added when the first topics page (desktop or phone)
 * loads: kept out of the first load every phone pays for.
 */
i18n.addResourceBundle('zh-CN', 'topics', zh, true, true);
i18n.addResourceBundle('en', 'topics', en, true, true);

export const NS = 'topics';
