import i18n from '../../i18n/index.ts';
import zh from '../../i18n/fieldStats.zh-CN.json';
import en from '../../i18n/fieldStats.en.json';

/* The 外勤统计 strings, in their own namespace, added when the page loads (a desktop page for the centre and leaders). */
i18n.addResourceBundle('zh-CN', 'fieldStats', zh, true, true);
i18n.addResourceBundle('en', 'fieldStats', en, true, true);

export const NS = 'fieldStats';
