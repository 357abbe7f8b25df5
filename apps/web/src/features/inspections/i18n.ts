import i18n from '../../i18n/index.ts';
import zh from '../../i18n/inspectionDesk.zh-CN.json';
import en from '../../i18n/inspectionDesk.en.json';

/* The desk's 隐患排查 strings (list, detail, templates), added when one of its pages loads. */
i18n.addResourceBundle('zh-CN', 'inspectionDesk', zh, true, true);
i18n.addResourceBundle('en', 'inspectionDesk', en, true, true);

export const NS = 'inspectionDesk';
