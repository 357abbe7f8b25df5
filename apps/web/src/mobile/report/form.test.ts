import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../api.ts';
import { draftOf, emptyForm, searchCatalogue, validateReport, type ReportForm, type Translate } from './form.ts';

const t: Translate = (key, vars) => (vars ? `${key}:${Object.values(vars).join(',')}` : key);

const garbage: CatalogueEntry = {
  code: '01001',
  name: '暴露垃圾',
  categoryCode: '01',
  categoryName: '市容环境',
  keywords: ['垃圾', '环境卫生'],
  initials: [],
  unclassified: false,
  minor: true,
  fields: [],
};
const manhole: CatalogueEntry = {
  code: '02001',
  name: '井盖缺失破损',
  categoryCode: '02',
  categoryName: '公用设施',
  keywords: ['井盖', '窨井'],
  initials: [],
  unclassified: false,
  minor: false,
  fields: [
    {
      code: 'cover_type',
      label: '井盖类型',
      type: 'singlevaluelist',
      required: true,
      options: [{ key: 'rain', name: '雨水' }],
      order: 1,
    },
    { code: 'seen_at', label: '发现时间', type: 'datetime', required: false, order: 2 },
  ],
};
const lamp: CatalogueEntry = {
  code: '02002',
  name: '路灯不亮',
  categoryCode: '02',
  categoryName: '公用设施',
  keywords: ['照明'],
  initials: [],
  unclassified: false,
  minor: false,
  fields: [],
};

const filled = (over: Partial<ReportForm> = {}): ReportForm => ({
  ...emptyForm(),
  item: garbage,
  description: '楼下垃圾堆了三天',
  location: { lon: 113.693, lat: 34.747 },
  ...over,
});

describe('report form', () => {
  it('names every missing piece', () => {
    expect(validateReport(emptyForm(), t)).toEqual({
      item: 'itemRequired',
      description: 'descriptionRequired:2',
      location: 'locationRequired',
    });
    expect(validateReport(filled(), t)).toEqual({});
  });

  it('checks the item’s required extra fields and the 即报即办 note', () => {
    expect(validateReport(filled({ item: manhole }), t)).toEqual({ 'fields.cover_type': 'fieldRequired:井盖类型' });
    expect(validateReport(filled({ item: manhole, fields: { cover_type: 'rain', seen_at: 'not a date' } }), t)).toEqual(
      { 'fields.seen_at': 'fieldInvalid:发现时间' },
    );
    expect(validateReport(filled({ selfHandle: true, selfNote: ' ' }), t)).toEqual({ selfNote: 'selfNoteRequired:2' });
    expect(validateReport(filled({ description: 'x'.repeat(4001) }), t)).toEqual({
      description: 'descriptionTooLong:4000',
    });
  });

  it('keeps to the report contract: 2–4000 characters, 9 photos, a 2–2000 character 即报即办 note', () => {
    const photo = { key: 'k', blob: new Blob(), url: 'blob:x' };
    const photos = (n: number) => Array.from({ length: n }, (_, i) => ({ ...photo, key: `k${i}` }));
    expect(validateReport(filled({ description: 'x'.repeat(4000), photos: photos(9) }), t)).toEqual({});
    expect(validateReport(filled({ description: ' x ', photos: photos(10) }), t)).toEqual({
      description: 'descriptionRequired:2',
      photos: 'tooManyPhotos:9',
    });
    const selfHandled = { selfHandle: true, afterPhotos: photos(10) };
    expect(validateReport(filled({ ...selfHandled, selfNote: 'x'.repeat(2001) }), t)).toEqual({
      selfNote: 'selfNoteTooLong:2000',
      afterPhotos: 'tooManyPhotos:9',
    });
    expect(validateReport(filled({ selfHandle: true, selfNote: 'x'.repeat(2000) }), t)).toEqual({});
  });

  it('builds the queued draft: trimmed, WGS84, only this item’s fields, 即报即办 only for a minor item', () => {
    const draft = draftOf(
      filled({
        description: '  垃圾  ',
        address: ' 明德路 1 号 ',
        fields: { stale: 'x' },
        selfHandle: true,
        selfNote: ' 已清理 ',
      }),
    );
    expect(draft).toEqual({
      itemCode: '01001',
      description: '垃圾',
      location: { lon: 113.693, lat: 34.747, crs: 'WGS84' },
      address: '明德路 1 号',
      anonymous: false,
      publicConsent: false,
      fields: {},
      selfHandleNote: '已清理',
    });
    // Consent is the resident's own choice on the form, never assumed.
    expect(draftOf(filled({ publicConsent: true })).publicConsent).toBe(true);
    const d2 = draftOf(
      filled({ item: manhole, selfHandle: true, selfNote: 'x', fields: { cover_type: 'rain', seen_at: '' } }),
    );
    expect(d2.selfHandleNote).toBeUndefined();
    expect(d2.fields).toEqual({ cover_type: 'rain' });
  });

  it('finds everyday words, pinyin initials and 不确定/其他 (always last) in one ranked group', () => {
    const other = {
      ...garbage,
      code: '99000',
      name: '不确定/其他',
      categoryCode: '99',
      categoryName: '其他',
      keywords: ['不确定'],
      initials: ['bqd/qt', 'bqd'],
      unclassified: true,
    };
    const drain = {
      ...manhole,
      code: '02007',
      name: '排水不畅路面积水',
      keywords: ['积水', '下水道堵'],
      initials: ['psbclmjs', 'js', 'xsdd'],
    };
    const all = [lamp, manhole, garbage, drain, other];
    expect(searchCatalogue(all, '下水道堵了').map((g) => g.items.map((i) => i.code))).toEqual([['02007', '99000']]);
    expect(searchCatalogue(all, 'js').map((g) => g.items.map((i) => i.code))).toEqual([['02007', '99000']]);
    expect(searchCatalogue(all, '外星人').map((g) => g.items.map((i) => i.code))).toEqual([['99000']]);
  });

  it('finds items by name, keyword, code or category, grouped by category', () => {
    const all = [lamp, manhole, garbage];
    expect(searchCatalogue(all, '').map((g) => [g.name, g.items.map((i) => i.code)])).toEqual([
      ['市容环境', ['01001']],
      ['公用设施', ['02001', '02002']],
    ]);
    expect(searchCatalogue(all, '窨井')[0]?.items.map((i) => i.code)).toEqual(['02001']);
    expect(searchCatalogue(all, '02002')[0]?.items.map((i) => i.code)).toEqual(['02002']);
    expect(searchCatalogue(all, '灯')[0]?.items.map((i) => i.code)).toEqual(['02002']);
    expect(searchCatalogue(all, '市容').flatMap((g) => g.items.map((i) => i.code))).toEqual(['01001']);
    expect(searchCatalogue(all, '没有这个')).toEqual([]);
  });
});
