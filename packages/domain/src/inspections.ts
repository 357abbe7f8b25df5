/*
 * 隐患排查 (hazard inspections): checklist templates per place type and the rules that read answers
 * against them. Zod-free: the phone imports this file. The templates are editable data (an edit is a
 * new version, copy-on-write); these are the defaults every deployment starts with.
 */

/** Where an inspection happens: a key place, an organisation/business, or a house (people module). */
export const INSPECTION_PLACE_KINDS = ['key_place', 'organisation', 'house'] as const;
export type InspectionPlaceKind = (typeof INSPECTION_PLACE_KINDS)[number];

/**
 * Place types a template applies to: the 九小场所 of fire safety (公安部《九小场所消防安全管理规定》local
 * practice lists), and the places of gas, rental housing and old buildings.
 */
export const INSPECTION_PLACE_TYPES = [
  'small_shop', // 小商店
  'small_restaurant', // 小餐饮
  'small_hotel', // 小旅馆
  'small_entertainment', // 小歌舞娱乐
  'small_internet_cafe', // 小网吧
  'small_beauty_bath', // 小美容洗浴
  'small_school', // 小学校/幼儿园
  'small_clinic', // 小医院
  'small_workshop', // 小生产加工企业
  'gas_user', // 燃气用户（餐饮、居民）
  'rental_housing', // 出租房屋
  'old_building', // 老旧房屋
] as const;
export type InspectionPlaceType = (typeof INSPECTION_PLACE_TYPES)[number];

export const INSPECTION_PLACE_TYPE_NAMES: Record<InspectionPlaceType, string> = {
  small_shop: '小商店',
  small_restaurant: '小餐饮',
  small_hotel: '小旅馆',
  small_entertainment: '小歌舞娱乐',
  small_internet_cafe: '小网吧',
  small_beauty_bath: '小美容洗浴',
  small_school: '小学校/幼儿园',
  small_clinic: '小医院',
  small_workshop: '小生产加工企业',
  gas_user: '燃气用户',
  rental_housing: '出租房屋',
  old_building: '老旧房屋',
};

/** pass/fail/na, or a number read on site with the range that passes. */
export type InspectionAnswerType =
  { kind: 'pass_fail' } | { kind: 'number'; unit: string; min: number | null; max: number | null };

export interface InspectionItem {
  /** Stable within the template across versions: answers and earlier results are matched by it. */
  key: string;
  text: string;
  answer: InspectionAnswerType;
  /** An answer is needed before the inspection can be submitted ("na" counts as an answer). */
  required: boolean;
  /** A failed answer needs at least one photo. */
  photoOnFail: boolean;
  /** The catalogue item (网格事项清单 code) a failed answer becomes a case of, with its required fields. */
  caseItem: { code: string; fields?: Record<string, string | string[]> };
  /** The law or rule the check rests on, or "local practice". */
  source: string;
}

export interface InspectionTemplateData {
  key: string;
  name: string;
  placeTypes: InspectionPlaceType[];
  items: InspectionItem[];
}

export const INSPECTION_LIMITS = {
  itemsMax: 60,
  textMax: 200,
  noteMax: 500,
  photosMax: 6,
  nameMax: 60,
  sourceMax: 200,
} as const;

const PF: InspectionAnswerType = { kind: 'pass_fail' };
const LOCAL = 'local practice（本地做法，可编辑）';

const fire = (key: string, text: string, caseCode: string, source: string, photoOnFail = true): InspectionItem => ({
  key,
  text,
  answer: PF,
  required: true,
  photoOnFail,
  caseItem: { code: caseCode },
  source,
});

/** The default templates (version 1 of each key). */
export const DEFAULT_INSPECTION_TEMPLATES: readonly InspectionTemplateData[] = [
  {
    key: 'fire_small_place',
    name: '九小场所消防安全检查',
    placeTypes: [
      'small_shop',
      'small_restaurant',
      'small_hotel',
      'small_entertainment',
      'small_internet_cafe',
      'small_beauty_bath',
      'small_school',
      'small_clinic',
      'small_workshop',
    ],
    items: [
      fire('exits_clear', '疏散通道、安全出口畅通，未被占用、堵塞、封闭', '08002', '《消防法》第二十八条'),
      fire('no_residence', '经营、生产场所内无人员住宿（无"三合一"）', '08006', '《消防法》第十九条'),
      fire(
        'ebike_indoor',
        '室内、楼道无电动自行车停放充电、无飞线充电',
        '08003',
        '《消防法》第二十八条；《高层民用建筑消防安全管理规定》第三十七条',
      ),
      fire('hydrant_ok', '消火栓完好有水、周边无遮挡', '02004', '《消防法》第二十八条'),
      fire('no_hazchem', '未违规储存汽油、酒精等易燃易爆危险化学品', '08004', '《危险化学品安全管理条例》第二十四条'),
      {
        key: 'extinguishers',
        text: '灭火器数量（具，按场所面积配置，不少于 2 具）',
        answer: { kind: 'number', unit: '具', min: 2, max: null },
        required: true,
        photoOnFail: true,
        // The catalogue has no item for missing extinguishers: 不确定/其他, the centre names the item at acceptance.
        caseItem: { code: '99000' },
        source: `《建筑灭火器配置设计规范》GB 50140 第 6.1.1 条（每个设置点不少于 2 具）`,
      },
    ],
  },
  {
    key: 'gas',
    name: '燃气使用安全检查',
    placeTypes: ['gas_user', 'small_restaurant'],
    items: [
      {
        key: 'no_leak',
        text: '无燃气泄漏气味',
        answer: PF,
        required: true,
        photoOnFail: false,
        caseItem: { code: '08001', fields: { hazard: 'leak' } },
        source: '《城镇燃气管理条例》第二十八条',
      },
      {
        key: 'hose_ok',
        text: '连接软管未老化、长度不超过 2 米、无穿墙',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '08001', fields: { hazard: 'hose' } },
        source: '《城镇燃气管理条例》第二十八条；长度 2 米为 local practice',
      },
      {
        key: 'no_alteration',
        text: '无私接、私改、拆除燃气设施',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '08001', fields: { hazard: 'alteration' } },
        source: '《城镇燃气管理条例》第二十八条',
      },
      {
        key: 'lpg_ok',
        text: '未在地下室、半地下室或不具备安全条件的场所使用、储存瓶装液化气',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '08001', fields: { hazard: 'lpg' } },
        source: '《城镇燃气管理条例》第二十八条',
      },
      {
        key: 'alarm_fitted',
        text: '餐饮场所已安装可燃气体报警装置（居民户不适用可选"不适用"）',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '08001', fields: { hazard: 'no_alarm' } },
        source: '《城镇燃气管理条例》第四十一条',
      },
    ],
  },
  {
    key: 'rental_housing',
    name: '出租房屋安全检查',
    placeTypes: ['rental_housing'],
    items: [
      {
        key: 'registered',
        text: '出租房屋及承租人已登记',
        answer: PF,
        required: true,
        photoOnFail: false,
        caseItem: { code: '06003' },
        source: '《租赁房屋治安管理规定》；《居住证暂行条例》第九条',
      },
      {
        key: 'no_partition',
        text: '无隔断改变原设计房间出租，厨房、卫生间、阳台未住人',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '05004' },
        source: '《商品房屋租赁管理办法》第八条',
      },
      {
        key: 'area_per_person',
        text: '人均租住建筑面积（平方米）',
        answer: { kind: 'number', unit: '平方米', min: 5, max: null },
        required: false,
        photoOnFail: false,
        caseItem: { code: '05004' },
        source: `《商品房屋租赁管理办法》第八条（人均面积标准由当地规定；5 平方米为 ${LOCAL}）`,
      },
      fire('ebike_indoor', '室内、楼道无电动自行车停放充电、无飞线充电', '08003', '《消防法》第二十八条'),
      fire('exits_clear', '疏散通道畅通，窗户无影响逃生的防盗网', '08002', '《消防法》第二十八条'),
    ],
  },
  {
    key: 'old_building',
    name: '老旧房屋安全检查',
    placeTypes: ['old_building'],
    items: [
      {
        key: 'walls_ok',
        text: '墙体无明显开裂',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '05003', fields: { parts: ['wall_crack'] } },
        source: '《城市危险房屋管理规定》第三条、第七条',
      },
      {
        key: 'no_settlement',
        text: '地基无明显沉降、倾斜',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '05003', fields: { parts: ['settlement'] } },
        source: '《城市危险房屋管理规定》第三条',
      },
      {
        key: 'bearing_ok',
        text: '梁、柱等承重构件无损坏，无擅自拆改承重结构',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '05003', fields: { parts: ['bearing'] } },
        source: '《城市危险房屋管理规定》第三条；《住宅室内装饰装修管理办法》第五条',
      },
      {
        key: 'facade_ok',
        text: '外墙、阳台、雨棚等构件无松动脱落',
        answer: PF,
        required: true,
        photoOnFail: true,
        caseItem: { code: '05003', fields: { parts: ['facade'] } },
        source: '《民法典》第一千二百五十二条',
      },
      {
        key: 'roof_ok',
        text: '屋面无漏水、塌陷',
        answer: PF,
        required: false,
        photoOnFail: true,
        caseItem: { code: '05003', fields: { parts: ['roof'] } },
        source: LOCAL,
      },
    ],
  },
];

/** What the worker chose: for pass_fail items pass/fail/na; for number items a value (or na). */
export type InspectionAnswerInput = {
  key: string;
  result?: 'pass' | 'fail' | 'na';
  value?: number;
  photoIds: string[];
};
export type InspectionOutcome = 'pass' | 'fail' | 'na';

/** The outcome of one answer: number items pass inside [min, max] (both inclusive), else fail. */
export function outcomeOf(
  item: InspectionItem,
  a: Pick<InspectionAnswerInput, 'result' | 'value'>,
): InspectionOutcome | null {
  if (a.result === 'na') return 'na';
  if (item.answer.kind === 'pass_fail') return a.result ?? null;
  if (a.value === undefined || !Number.isFinite(a.value)) return null;
  const { min, max } = item.answer;
  return (min !== null && a.value < min) || (max !== null && a.value > max) ? 'fail' : 'pass';
}

export type InspectionProblem = {
  code: 'unknown_item' | 'duplicate_item' | 'missing_items' | 'photo_required' | 'bad_answer';
  keys: string[];
};

/**
 * What is wrong with a set of answers against a template, first problem kind first (unknown items,
 * duplicates, answers of the wrong shape, missing required items, failed items without their photo);
 * null when it can be stored.
 */
export function answersProblem(
  items: readonly InspectionItem[],
  answers: readonly InspectionAnswerInput[],
): InspectionProblem | null {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const unknown = answers.filter((a) => !byKey.has(a.key)).map((a) => a.key);
  if (unknown.length) return { code: 'unknown_item', keys: unknown };
  const seen = new Set<string>();
  const dup = answers.filter((a) => (seen.has(a.key) ? true : (seen.add(a.key), false))).map((a) => a.key);
  if (dup.length) return { code: 'duplicate_item', keys: dup };
  const bad = answers.filter((a) => outcomeOf(byKey.get(a.key) as InspectionItem, a) === null).map((a) => a.key);
  if (bad.length) return { code: 'bad_answer', keys: bad };
  const missing = items.filter((i) => i.required && !seen.has(i.key)).map((i) => i.key);
  if (missing.length) return { code: 'missing_items', keys: missing };
  const noPhoto = answers
    .filter((a) => {
      const item = byKey.get(a.key) as InspectionItem;
      return item.photoOnFail && outcomeOf(item, a) === 'fail' && a.photoIds.length === 0;
    })
    .map((a) => a.key);
  if (noPhoto.length) return { code: 'photo_required', keys: noPhoto };
  return null;
}

/** A template's own problems (an edit): no items, duplicate keys, a number range upside down. */
export function templateProblem(t: Pick<InspectionTemplateData, 'items'>): string | null {
  if (t.items.length === 0) return '检查表至少需要一项';
  const keys = new Set<string>();
  for (const i of t.items) {
    if (keys.has(i.key)) return `检查项编码重复：${i.key}`;
    keys.add(i.key);
    if (i.answer.kind === 'number') {
      const { min, max } = i.answer;
      if (min === null && max === null) return `数值检查项须有合格范围：${i.key}`;
      if (min !== null && max !== null && min > max) return `合格范围下限大于上限：${i.key}`;
    }
  }
  return null;
}
