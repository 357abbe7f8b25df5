import i18n from '../../i18n/index.ts';
import zh from '../../i18n/visitDesk.zh-CN.json';
import en from '../../i18n/visitDesk.en.json';

/* The desk's 走访 strings (plans, visit log, intervals), added when one of its pages loads. */
i18n.addResourceBundle('zh-CN', 'visitDesk', zh, true, true);
i18n.addResourceBundle('en', 'visitDesk', en, true, true);

export const NS = 'visitDesk';
