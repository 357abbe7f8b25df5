import i18n from '../../i18n/index.ts';
import zh from '../../i18n/inspections.zh-CN.json';
import en from '../../i18n/inspections.en.json';

/* The 隐患排查 strings, in their own namespace, added when the phone page loads (not in the first load). */
i18n.addResourceBundle('zh-CN', 'inspections', zh, true, true);
i18n.addResourceBundle('en', 'inspections', en, true, true);

export const NS = 'inspections';
