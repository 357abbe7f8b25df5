import i18n from '../../i18n/index.ts';
import zh from '../../i18n/volunteer.zh-CN.json';
import en from '../../i18n/volunteer.en.json';

/* The 志愿 strings, in their own namespace, added when the phone's volunteer page loads (not in the first load). */
i18n.addResourceBundle('zh-CN', 'volunteer', zh, true, true);
i18n.addResourceBundle('en', 'volunteer', en, true, true);

export const NS = 'volunteer';
