import i18n from '../../i18n/index.ts';
import zh from '../../i18n/forces.zh-CN.json';
import en from '../../i18n/forces.en.json';

/* The 群防群治 desk's strings, in their own namespace, added when one of its pages loads. */
i18n.addResourceBundle('zh-CN', 'forces', zh, true, true);
i18n.addResourceBundle('en', 'forces', en, true, true);

export const NS = 'forces';
