import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './resources.zh-CN.ts';
// Type only: the 村务决策 strings load with their pages (features/deliberation/i18n.ts), not in the first load.
import type deliberationZh from './deliberation.zh-CN.json';
// Type only: the 议事协商 strings load with their pages (features/topics/i18n.ts).
import type topicsZh from './topics.zh-CN.json';
import type projectsZh from './projects.zh-CN.json';
import type inspectionsZh from './inspections.zh-CN.json';
import type volunteerZh from './volunteer.zh-CN.json';
import type fieldStatsZh from './fieldStats.zh-CN.json';
// The desk's 隐患排查 and 走访 pages (features/inspections, features/visits).
import type inspectionDeskZh from './inspectionDesk.zh-CN.json';
import type visitDeskZh from './visitDesk.zh-CN.json';
import type fieldSettingsZh from './fieldSettings.zh-CN.json';
import type forcesZh from './forces.zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'gewu.lang';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === saved) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(lng: Language): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
}

/** Fetches the English strings once, the first time English is chosen (or was chosen last time). */
let englishLoaded: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  englishLoaded ??= import('./resources.en.ts').then(({ en }) => {
    i18n.addResourceBundle('en', 'translation', en, true, true);
  });
  return englishLoaded;
}

const stored = storedLanguage();

const initialized = i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  showSupportNotice: false,
});

async function switchTo(lng: Language): Promise<void> {
  await initialized;
  if (lng === 'en') {
    try {
      await loadEnglish();
    } catch {
      englishLoaded = null; // offline before English was ever loaded: stay in Chinese, try again next time
      return;
    }
  }
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
}

/** Resolves once the stored language's strings are in (main.tsx renders after it). */
export const languageReady: Promise<void> = switchTo(stored);

/** Switches the UI language and remembers the choice in localStorage. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void switchTo(lng);
}

export function currentLanguage(): Language {
  return LANGUAGES.find((l) => l === i18n.language) ?? 'zh-CN';
}

export default i18n;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof zhCN;
      deliberation: typeof deliberationZh;
      topics: typeof topicsZh;
      projects: typeof projectsZh;
      inspections: typeof inspectionsZh;
      volunteer: typeof volunteerZh;
      fieldStats: typeof fieldStatsZh;
      inspectionDesk: typeof inspectionDeskZh;
      visitDesk: typeof visitDeskZh;
      fieldSettings: typeof fieldSettingsZh;
      forces: typeof forcesZh;
    };
  }
}
