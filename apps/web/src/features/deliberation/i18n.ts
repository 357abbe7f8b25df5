import i18n from '../../i18n/index.ts';
import zh from '../../i18n/deliberation.zh-CN.json';
import en from '../../i18n/deliberation.en.json';

/*
 * The 村务决策 strings, in their own namespace, added when the first deliberation page loads: desktop
 * pages for village cadres, kept out of the first load every phone pays for.
 */
i18n.addResourceBundle('zh-CN', 'deliberation', zh, true, true);
i18n.addResourceBundle('en', 'deliberation', en, true, true);

export const NS = 'deliberation';
