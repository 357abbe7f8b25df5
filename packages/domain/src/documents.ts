import { z } from 'zod';
import { localDateSchema } from './calendar.ts';
import { intField, safeString } from './text.ts';

/*
 * Printable documents (文书): the typed inputs of the server's PDF templates and the pure helpers
 * that write their numbers and dates. The server renders (apps/server/src/platform/documents); a
 * module that prints a document builds one of these inputs from its own records.
 *
 * The documents are for the parties themselves, so they carry full names, addresses and phone
 * numbers: an input must never be logged, and a rendered PDF is only ever sent to someone entitled
 * to see every party in it.
 */

/** The limits of a document's fields (characters, entries). */
export const DOCUMENT_LIMITS = {
  partiesMax: 30,
  termsMax: 30,
  termMax: 2000,
  textMax: 4000,
  mediatorsMax: 5,
  petitionersMax: 20,
  copiesMax: 30,
} as const;

const name = (what: string) => safeString().trim().min(1, `请填写${what}`).max(100, `${what}不能超过100个字`);
const optionalText = (max: number) => safeString().trim().min(1).max(max).optional();
const longText = (what: string, max: number = DOCUMENT_LIMITS.textMax) =>
  safeString().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);

/**
 * 文书编号 as 〔2026〕格调字第1号: the year in 六角括号 (GB/T 9704-2012 7.2.4 writes years of
 * document numbers in 〔〕), the issuing body's abbreviation (机关代字, e.g. 格调 for 格物街道人民调解委员会),
 * then 字第N号.
 */
export const documentNumberSchema = z.strictObject({
  year: intField(2000, 2999),
  /** 机关代字 without 字: Chinese characters (and Latin letters), no brackets or digits. */
  agency: safeString()
    .trim()
    .regex(/^[\p{Script=Han}A-Za-z]{1,10}$/u, '机关代字应为1至10个汉字或字母'),
  serial: intField(1, 9_999_999),
});
export type DocumentNumber = z.infer<typeof documentNumberSchema>;

export function formatDocumentNumber(n: DocumentNumber): string {
  return `〔${n.year}〕${n.agency}字第${n.serial}号`;
}

/**
 * A date as the documents print it: 2026年12月4日 — Arabic numerals, the year in full, month and
 * day without a leading zero. This is the form GB/T 9704-2012 (党政机关公文格式, 7.3.5.1) sets for
 * 成文日期 since 2012 (it replaced the 二〇〇八年 form of the 1999 edition); mediation committees and
 * petition offices follow the 公文 format. Court documents still write 二〇二六年…, which these are not.
 */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError('not a YYYY-MM-DD date');
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The blank date line a document carries when its date is written by hand: "    年    月    日". */
export const BLANK_CHINESE_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

const DIGITS = '零一二三四五六七八九';

/** A count in Chinese numerals as written in 一式三份, 第十二条: 1–99 (十, 十二, 二十, 九十九). */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError('count out of 1..99');
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : DIGITS.charAt(ones);
  if (tens === 0) return onesText;
  return `${tens === 1 ? '' : DIGITS.charAt(tens)}十${onesText}`;
}

// ─── 人民调解协议书 ─────────────────────────────────────────────────────────────────────────────

/** Sides as the dispute module keeps them: 甲方, 乙方, 第三人. */
export const DOCUMENT_SIDES = ['a', 'b', 'third'] as const;
export type DocumentSide = (typeof DOCUMENT_SIDES)[number];
export const DOCUMENT_SIDE_LABELS: Readonly<Record<DocumentSide, string>> = { a: '甲方', b: '乙方', third: '第三人' };

/**
 * A natural person's role on a side: the party (当事人), a guardian for a minor or an incapacitated
 * person (法定代理人), an appointed agent (委托代理人). An organisation's legal representative is part
 * of the organisation's block, as the 人民调解协议书 format asks (名称、地址、法定代表人姓名、职务).
 */
export const DOCUMENT_PERSON_ROLES = ['principal', 'guardian', 'agent'] as const;
export type DocumentPersonRole = (typeof DOCUMENT_PERSON_ROLES)[number];
export const DOCUMENT_PERSON_ROLE_LABELS: Readonly<Record<DocumentPersonRole, string>> = {
  principal: '当事人',
  guardian: '法定代理人',
  agent: '委托代理人',
};

export const DOCUMENT_GENDER_LABELS = { male: '男', female: '女' } as const;

/** A natural person as the 人民调解协议书 lists them: 姓名、性别、民族、年龄、职业或职务、联系方式、单位或住址. */
export const documentPersonSchema = z.strictObject({
  kind: z.literal('person'),
  side: z.enum(DOCUMENT_SIDES),
  role: z.enum(DOCUMENT_PERSON_ROLES).default('principal'),
  name: name('当事人姓名'),
  gender: z.enum(['male', 'female']).optional(),
  /** 民族 as written: 汉族, 回族 … */
  ethnicity: optionalText(20),
  /** Age in years (年龄), or the birth date when it is known: the document prints the birth date then. */
  age: intField(0, 150).optional(),
  birthDate: localDateSchema.optional(),
  occupation: optionalText(100),
  /** 单位或住址. */
  address: optionalText(200),
  /** 联系方式. */
  phone: optionalText(30),
});
export type DocumentPerson = z.infer<typeof documentPersonSchema>;

/** An organisation (法人及其他组织): 名称、地址、法定代表人（负责人）姓名、职务、联系方式. */
export const documentOrganisationSchema = z.strictObject({
  kind: z.literal('organisation'),
  side: z.enum(DOCUMENT_SIDES),
  name: name('单位名称'),
  address: optionalText(200),
  legalRepresentative: optionalText(100),
  legalRepresentativeTitle: optionalText(50),
  phone: optionalText(30),
});
export type DocumentOrganisation = z.infer<typeof documentOrganisationSchema>;

export const documentPartySchema = z.discriminatedUnion('kind', [documentPersonSchema, documentOrganisationSchema]);
export type DocumentParty = z.infer<typeof documentPartySchema>;
export type DocumentPartyInput = z.input<typeof documentPartySchema>;

/** True for the parties themselves (not their guardians or agents): the ones who sign as 当事人. */
export function isPrincipalParty(p: DocumentParty): boolean {
  return p.kind === 'organisation' || p.role === 'principal';
}

export const agreementTermSchema = z.strictObject({
  text: longText('协议条款', DOCUMENT_LIMITS.termMax),
  /** The date by which this term is to be performed, printed after it: （于2026年12月31日前履行）. */
  dueDate: localDateSchema.optional(),
});

/**
 * 人民调解协议书, in the layout of the Ministry of Justice's 人民调解文书格式: 编号; the parties; 纠纷主要事实、
 * 争议事项; 经调解，自愿达成如下协议; 履行方式、时限; the agreement's effect (人民调解法 arts. 29, 31, 33);
 * 本协议一式X份; the signatures of the parties, the mediators and the recorder; the committee's seal and date.
 */
export const mediationAgreementDocumentSchema = z
  .strictObject({
    number: documentNumberSchema,
    /** The 人民调解委员会 that mediated, as its seal reads. */
    committee: safeString().trim().min(2, '请填写人民调解委员会名称').max(100),
    parties: z.array(documentPartySchema).min(2, '调解协议至少需要两方当事人').max(DOCUMENT_LIMITS.partiesMax),
    /** 纠纷主要事实、争议事项. */
    facts: longText('纠纷主要事实、争议事项'),
    /** 经调解，自愿达成如下协议: one entry a numbered term. */
    terms: z.array(agreementTermSchema).min(1, '请填写协议内容').max(DOCUMENT_LIMITS.termsMax),
    /** 履行方式、时限. */
    performance: longText('履行方式、时限'),
    /** 本协议一式X份; by default one for each party (当事人) and one for the committee. */
    copies: intField(2, DOCUMENT_LIMITS.copiesMax).optional(),
    /** 人民调解员, who sign. */
    mediators: z.array(name('人民调解员姓名')).min(1, '请填写人民调解员').max(DOCUMENT_LIMITS.mediatorsMax),
    /** 记录人. */
    recorder: name('记录人姓名').optional(),
    /** The date printed under the seal; absent: a blank 年 月 日 line to fill in by hand when signing. */
    date: localDateSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    for (const side of ['a', 'b'] as const) {
      if (!doc.parties.some((p) => p.side === side && isPrincipalParty(p))) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties'],
          message: `缺少${DOCUMENT_SIDE_LABELS[side]}当事人`,
        });
      }
    }
    doc.parties.forEach((p, i) => {
      if (!isPrincipalParty(p) && !doc.parties.some((q) => q.side === p.side && isPrincipalParty(q))) {
        ctx.addIssue({ code: 'custom', path: ['parties', i], message: '代理人所代理的一方没有当事人' });
      }
    });
  });
export type MediationAgreementDocument = z.infer<typeof mediationAgreementDocumentSchema>;
export type MediationAgreementDocumentInput = z.input<typeof mediationAgreementDocumentSchema>;

// ─── 信访事项处理意见书 / 复查意见书 ─────────────────────────────────────────────────────────────

/**
 * Which written opinion: the handling body's 处理意见书 (the reply to the petition; the petitioner may
 * ask for 复查 within 30 days of receiving it) or the 复查意见书 (复核 may be asked within 30 days).
 */
/** 处理意见书 (the reply), 复查意见书, 复核意见书 (信访工作条例 arts. 32–35). */
export const PETITION_OPINION_STAGES = ['handling', 'review', 'reexamination'] as const;
export type PetitionOpinionStage = (typeof PETITION_OPINION_STAGES)[number];
export const PETITION_OPINION_TITLES: Readonly<Record<PetitionOpinionStage, string>> = {
  handling: '信访事项处理意见书',
  review: '信访事项复查意见书',
  reexamination: '信访事项复核意见书',
};

/** How the petition came in (信访形式). */
export const PETITION_DOCUMENT_CHANNELS = ['visit', 'letter', 'online', 'phone'] as const;
export type PetitionDocumentChannel = (typeof PETITION_DOCUMENT_CHANNELS)[number];
export const PETITION_DOCUMENT_CHANNEL_LABELS: Readonly<Record<PetitionDocumentChannel, string>> = {
  visit: '来访',
  letter: '来信',
  online: '网上信访',
  phone: '来电',
};

export const petitionerSchema = z.strictObject({
  name: name('信访人姓名'),
  gender: z.enum(['male', 'female']).optional(),
  ethnicity: optionalText(20),
  birthDate: localDateSchema.optional(),
  address: optionalText(200),
  phone: optionalText(30),
});
export type Petitioner = z.infer<typeof petitionerSchema>;

export const petitionOpinionDocumentSchema = z
  .strictObject({
    stage: z.enum(PETITION_OPINION_STAGES).default('handling'),
    number: documentNumberSchema,
    /** The body that handled the petition and issues the opinion, as its seal reads. */
    body: safeString().trim().min(2, '请填写办理机关名称').max(100),
    petitioners: z.array(petitionerSchema).min(1, '请填写信访人').max(DOCUMENT_LIMITS.petitionersMax),
    channel: z.enum(PETITION_DOCUMENT_CHANNELS),
    /** The day the petition (or, for a 复查, the request) was received. */
    receivedOn: localDateSchema,
    /** The day it was accepted (受理), when it was. */
    acceptedOn: localDateSchema.optional(),
    /** 信访事项 / 请求: what the petitioner asked. */
    matter: longText('信访事项'),
    /** 经调查核实: the facts found. */
    facts: longText('调查核实的情况'),
    /** 处理意见. */
    opinion: longText('处理意见'),
    /** 处理依据: the laws, regulations and policies the opinion rests on. */
    basis: longText('处理依据'),
    /**
     * The body to which 复查 (or 复核) may be requested: the issuing body's next higher body. None after
     * a 复核 (信访工作条例 art. 35: its opinion ends the matter), so empty there.
     */
    reviewBody: safeString().trim().max(100).default(''),
    /** The date under the seal. */
    date: localDateSchema,
  })
  .refine((d) => d.stage === 'reexamination' || d.reviewBody.length >= 2, {
    path: ['reviewBody'],
    message: '请填写受理复查（复核）的机关',
  });
export type PetitionOpinionDocument = z.infer<typeof petitionOpinionDocumentSchema>;
export type PetitionOpinionDocumentInput = z.input<typeof petitionOpinionDocumentSchema>;
