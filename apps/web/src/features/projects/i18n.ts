import i18n from '../../i18n/index.ts';
import zh from '../../i18n/projects.zh-CN.json';
import en from '../../i18n/projects.en.json';

/*
 * The 民生微实事 strings, in their own namespace, added when the first projects page loads (the desktop
 * page or the phone's), kept out of the first load every phone pays for.
 */
i18n.addResourceBundle('zh-CN', 'projects', zh, true, true);
i18n.addResourceBundle('en', 'projects', en, true, true);

export const NS = 'projects';
