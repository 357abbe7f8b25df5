import i18n from '../../i18n/index.ts';
import zh from '../../i18n/fieldSettings.zh-CN.json';
import en from '../../i18n/fieldSettings.en.json';

/* The field settings' strings (duty norm, key-place radius), added when one of its pages loads. */
i18n.addResourceBundle('zh-CN', 'fieldSettings', zh, true, true);
i18n.addResourceBundle('en', 'fieldSettings', en, true, true);

export const NS = 'fieldSettings';
