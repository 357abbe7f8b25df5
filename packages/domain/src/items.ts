import { z } from 'zod';
import { safeString, intField } from './text.ts';
import { type WorkCalendar, addLimit, timeLimitSchema } from './calendar.ts';

/*
 * The item catalogue (网格事项清单): a coded list of matters, 2-digit 大类 + 3-digit 小类.
 * Each item carries its legal basis, filing and closing conditions, a time limit per case stage,
 * the responsible department (权责配置) and whether it may be pushed down to grids (准入/负面清单).
 */

/** 大类. */
export const ITEM_CATEGORIES = [
  { code: '01', name: '市容环境' },
  { code: '02', name: '公用设施' },
  { code: '03', name: '道路交通' },
  { code: '04', name: '园林绿化' },
  { code: '05', name: '房屋土地' },
  { code: '06', name: '社会治安' },
  { code: '07', name: '矛盾纠纷' },
  { code: '08', name: '安全隐患' },
  { code: '09', name: '民生服务' },
  { code: '10', name: '生态环境' },
  { code: '11', name: '食品药品' },
  { code: '12', name: '新业态' },
  /** 不确定/其他: the resident could not tell; the centre classifies the case at acceptance. */
  { code: '99', name: '其他' },
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export type ItemCategoryCode = ItemCategory['code'];

const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(ITEM_CATEGORIES.map((c) => [c.code, c.name]));

export function isItemCategoryCode(code: string): code is ItemCategoryCode {
  return CATEGORY_NAMES.has(code);
}

/** The category's Chinese name, or null for an unknown code. */
export function itemCategoryName(code: string): string | null {
  return CATEGORY_NAMES.get(code) ?? null;
}

/** Stages that carry a clock: 受理, 派遣, 签收, 处置, 核查. */
export const CASE_STAGES = ['accept', 'dispatch', 'sign', 'handle', 'verify'] as const;
export const caseStageSchema = z.enum(CASE_STAGES);
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  accept: '受理',
  dispatch: '派遣',
  sign: '签收',
  handle: '处置',
  verify: '核查',
};

/** Responsible departments (权责配置), by kind; a region's actual units are configured per kind. */
export const DEPARTMENT_KINDS = [
  'urban_management',
  'housing',
  'transport',
  'traffic_police',
  'police',
  'justice',
  'market_regulation',
  'ecology_environment',
  'emergency',
  'fire',
  'civil_affairs',
  'human_resources',
  'health',
  'water',
  'gardens',
  'natural_resources',
  'education',
  'agriculture',
  'utilities',
  'postal',
  'culture_tourism',
  'village_committee',
  'governance_centre',
] as const;
export const departmentKindSchema = z.enum(DEPARTMENT_KINDS);
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  urban_management: '城市管理(综合执法)',
  housing: '住房城乡建设',
  transport: '交通运输',
  traffic_police: '交警',
  police: '公安派出所',
  justice: '司法所',
  market_regulation: '市场监管',
  ecology_environment: '生态环境',
  emergency: '应急管理',
  fire: '消防救援',
  civil_affairs: '民政',
  human_resources: '人力资源社会保障',
  health: '卫生健康',
  water: '水利水务',
  gardens: '园林绿化',
  natural_resources: '自然资源',
  education: '教育',
  agriculture: '农业农村',
  utilities: '供水供电供气等公用事业',
  postal: '邮政管理',
  culture_tourism: '文化和旅游',
  village_committee: '村(居)民委员会',
  governance_centre: '综治中心',
};

/** Extra-field datatypes; the names follow Open311 GeoReport v2 service attributes. */
export const ITEM_FIELD_TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const itemFieldTypeSchema = z.enum(ITEM_FIELD_TYPES);
export type ItemFieldType = (typeof ITEM_FIELD_TYPES)[number];
const LIST_FIELD_TYPES: readonly ItemFieldType[] = ['singlevaluelist', 'multivaluelist'];

export function isListFieldType(type: ItemFieldType): boolean {
  return LIST_FIELD_TYPES.includes(type);
}

export const itemFieldOptionSchema = z.object({ key: safeString().min(1).max(32), name: safeString().min(1).max(50) });

/** An extra field a report of this item asks for (Open311 attribute). */
export const itemFieldSchema = z
  .object({
    code: safeString().regex(/^[a-z][a-z0-9_]{0,31}$/, '字段编码应为小写字母开头的字母、数字、下划线，最长 32 位'),
    label: safeString().min(1).max(50),
    type: itemFieldTypeSchema,
    required: z.boolean(),
    description: safeString().max(200).optional(),
    options: z.array(itemFieldOptionSchema).optional(),
    order: intField(),
  })
  .superRefine((f, ctx) => {
    if (isListFieldType(f.type)) {
      if (!f.options || f.options.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: '列表类字段至少需要一个选项' });
        return;
      }
      const seen = new Set<string>();
      f.options.forEach((o, i) => {
        if (seen.has(o.key))
          ctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: `选项键 ${o.key} 重复` });
        seen.add(o.key);
      });
    } else if (f.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: '非列表类字段不能有选项' });
    }
  });
export type ItemField = z.infer<typeof itemFieldSchema>;

/** One time limit per clocked stage. */
export const timeLimits = z.object({
  accept: timeLimitSchema,
  dispatch: timeLimitSchema,
  sign: timeLimitSchema,
  handle: timeLimitSchema,
  verify: timeLimitSchema,
} satisfies Record<CaseStage, typeof timeLimitSchema>);
/** Alias of `timeLimits`, named like the other schemas. */
export const timeLimitsSchema = timeLimits;
export type TimeLimits = z.infer<typeof timeLimits>;

/** At most this many keywords per item: enough for the everyday words, few enough to read. */
export const ITEM_KEYWORDS_MAX = 30;

/** The starter catalogue's 不确定/其他 item (a region may keep its own code: the `unclassified` flag is what counts). */
export const UNCLASSIFIED_ITEM_CODE = '99000';

/** 2-digit 大类 + 3-digit 小类. */
export const itemCodeSchema = safeString().regex(/^\d{5}$/, '事项编码应为 5 位数字');

export const catalogueItemSchema = z
  .object({
    code: itemCodeSchema,
    categoryCode: safeString().regex(/^\d{2}$/, '大类编码应为 2 位数字'),
    name: safeString().min(1).max(50),
    /** Law or regulation and article (法律依据). */
    legalBasis: safeString().min(1).max(300),
    /** 立案条件. */
    filingCondition: safeString().min(1).max(300),
    /** 结案条件. */
    closingCondition: safeString().min(1).max(300),
    limits: timeLimits,
    departmentKind: departmentKindSchema,
    /** May be proposed for admission to grids (可下沉网格). */
    gridEligible: z.boolean(),
    /** 负面清单: never pushed down to grids. */
    negativeList: z.boolean(),
    /** Residents may report it; listed as an Open311 service. */
    publicReport: z.boolean(),
    /** Synonyms and everyday words residents type (积水, 树倒了 …), searched with the name (items-search.ts). */
    keywords: z.array(safeString().min(1).max(20)).max(ITEM_KEYWORDS_MAX),
    fields: z.array(itemFieldSchema).max(20).default([]),
    /** A small matter a grid worker may self-handle on the spot (即报即办) once admitted. */
    minor: z.boolean(),
    /**
     * 不确定/其他: a placeholder the reporter picks when no item fits; the centre names the real item
     * at acceptance (CASE_LIFE's `classified` guard), and it is never dispatched as it is.
     */
    unclassified: z.boolean().default(false),
    /** 市民认领: an approved volunteer may claim and handle it (CASE_LIFE.claim); never a negative-list item. */
    claimable: z.boolean().default(false),
  })
  .superRefine((item, ctx) => {
    if (!isItemCategoryCode(item.categoryCode)) {
      ctx.addIssue({ code: 'custom', path: ['categoryCode'], message: `未知的事项大类 ${item.categoryCode}` });
    }
    if (item.code.slice(0, 2) !== item.categoryCode) {
      ctx.addIssue({ code: 'custom', path: ['categoryCode'], message: '大类编码应与事项编码前两位一致' });
    }
    if (item.negativeList && item.gridEligible) {
      ctx.addIssue({ code: 'custom', path: ['gridEligible'], message: '负面清单事项不得下沉网格' });
    }
    if (item.unclassified && item.gridEligible) {
      ctx.addIssue({ code: 'custom', path: ['unclassified'], message: '“不确定/其他”事项不得下沉网格' });
    }
    if (item.claimable && (item.negativeList || item.unclassified)) {
      ctx.addIssue({ code: 'custom', path: ['claimable'], message: '负面清单或“不确定/其他”事项不得由志愿者认领' });
    }
    if (item.minor && !item.gridEligible) {
      ctx.addIssue({ code: 'custom', path: ['minor'], message: '即报即办的小事须为可下沉网格事项' });
    }
    const codes = new Set<string>();
    item.fields.forEach((f, i) => {
      if (codes.has(f.code))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'code'], message: `字段编码 ${f.code} 重复` });
      codes.add(f.code);
    });
  });
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export type CatalogueItemInput = z.input<typeof catalogueItemSchema>;

/** 准入: proposed by a department → approved by the same-level party committee and government (active) → withdrawn (退出). */
export const ADMISSION_STATES = ['proposed', 'active', 'rejected', 'withdrawn'] as const;
export const admissionStateSchema = z.enum(ADMISSION_STATES);
export type AdmissionState = (typeof ADMISSION_STATES)[number];
export const ADMISSION_STATE_LABELS: Record<AdmissionState, string> = {
  proposed: '已提出',
  active: '已生效',
  rejected: '未批准',
  withdrawn: '已退出',
};

/** Allowed admission moves; a rejected or withdrawn item needs a fresh proposal. */
export const ADMISSION_TRANSITIONS: Record<AdmissionState, readonly AdmissionState[]> = {
  proposed: ['active', 'rejected'],
  active: ['withdrawn'],
  rejected: [],
  withdrawn: [],
};

export function canTransitionAdmission(from: AdmissionState, to: AdmissionState): boolean {
  return ADMISSION_TRANSITIONS[from].includes(to);
}

/** Whether an item may be proposed for admission to grids at all. */
export function isAdmissible(item: Pick<CatalogueItem, 'gridEligible' | 'negativeList'>): boolean {
  return item.gridEligible && !item.negativeList;
}

/**
 * When a case is expected to be done (Open311's `expected_datetime`): every stage taking its
 * item's full limit, one after the other on the working calendar — accept, dispatch, sign, handle,
 * verify — from the report. Once the unit has signed, its handling deadline is known (and moved by an
 * approved extension or a rework): the expected completion is then that deadline plus the
 * verification limit. Not the current stage's deadline, which says only when the next step is due.
 */
export function expectedCompletion(
  c: { reportedAt: Date; handleDeadline: Date | null },
  limits: TimeLimits,
  cal: WorkCalendar,
): Date {
  let t = c.reportedAt;
  if (c.handleDeadline) t = c.handleDeadline;
  else for (const stage of ['accept', 'dispatch', 'sign', 'handle'] as const) t = addLimit(t, limits[stage], cal);
  return addLimit(t, limits.verify, cal);
}
