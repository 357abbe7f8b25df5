import { describe, expect, it } from 'vitest';
import { type SearchableItem, matchRank, normalizeSearch, searchItems } from './items-search.ts';

/*
 * The search residents use to find a category, checked against a small catalogue written out by
 * hand (initials too: nothing here is computed by the code under test or by a pinyin library).
 */
const CATALOGUE: SearchableItem[] = [
  {
    code: '01001',
    name: '暴露垃圾',
    categoryName: '市容环境',
    keywords: ['垃圾', '乱扔垃圾'],
    initials: ['bllj', 'lj', 'lrlj'],
  },
  {
    code: '02002',
    name: '路灯不亮',
    categoryName: '公用设施',
    keywords: ['路灯', '灯不亮'],
    initials: ['ldbl', 'ld', 'dbl'],
  },
  {
    code: '02007',
    name: '排水不畅路面积水',
    categoryName: '公用设施',
    keywords: ['积水', '下水道堵'],
    initials: ['psbclmjs', 'js', 'xsdd'],
  },
  {
    code: '04002',
    name: '树木倒伏断枝',
    categoryName: '园林绿化',
    keywords: ['树倒了', '断枝'],
    initials: ['smdfdz', 'sdl', 'dz'],
  },
  {
    code: '07001',
    name: '邻里纠纷',
    categoryName: '矛盾纠纷',
    keywords: ['打架', '吵架'],
    initials: ['lljf', 'dj', 'cj'],
  },
  {
    code: '10002',
    name: '噪声扰民',
    categoryName: '生态环境',
    keywords: ['噪音', '吵'],
    initials: ['zsrm', 'zy', 'c'],
  },
  {
    code: '99000',
    name: '不确定/其他',
    categoryName: '其他',
    keywords: ['不确定'],
    initials: ['bqd/qt', 'bqd'],
    unclassified: true,
  },
];
const codes = (q: string) => searchItems(CATALOGUE, q).map((i) => i.code);

describe('searchItems', () => {
  // query                 → codes, best first; 不确定/其他 always last
  const TABLE: [string, string[]][] = [
    ['积水', ['02007', '99000']],
    ['树倒了', ['04002', '99000']],
    ['下水道堵', ['02007', '99000']],
    ['门口下水道堵了好几天', ['02007', '99000']],
    ['打架', ['07001', '99000']],
    ['吵架', ['07001', '10002', '99000']],
    ['噪音', ['10002', '99000']],
    ['乱扔垃圾', ['01001', '99000']],
    ['垃圾', ['01001', '99000']],
    ['路灯', ['02002', '99000']],
    ['小区门口路灯不亮', ['02002', '99000']],
    ['js', ['02007', '99000']],
    ['JS', ['02007', '99000']],
    ['sdl', ['04002', '99000']],
    ['ld', ['02002', '99000']],
    ['lj', ['01001', '99000']],
    ['0200', ['02002', '02007', '99000']],
    ['公用设施', ['02002', '02007', '99000']],
    ['火星', ['99000']],
    ['', ['01001', '02002', '02007', '04002', '07001', '10002', '99000']],
    ['  ', ['01001', '02002', '02007', '04002', '07001', '10002', '99000']],
  ];
  for (const [q, expected] of TABLE) it(`"${q}" → ${expected.join(', ')}`, () => expect(codes(q)).toEqual(expected));

  it('a typed word ranks above pinyin initials, initials above a code', () => {
    const item = CATALOGUE[2] as SearchableItem;
    expect(matchRank(item, '积水')).toBe(80); // the name 排水不畅路面积水 contains it
    expect(matchRank(item, '下水道堵')).toBe(70);
    expect(matchRank(item, 'js')).toBe(30);
    expect(matchRank(item, 'ps')).toBe(40);
    expect(matchRank(item, '02007')).toBe(20);
    expect(matchRank(item, '火星')).toBe(0);
  });

  it('initials are only tried for latin letters', () => {
    expect(matchRank({ code: 'x', name: '甲', keywords: [], initials: ['1'] }, '1')).toBe(0);
  });

  it('normalizes case and spaces', () => {
    expect(normalizeSearch(' J S ')).toBe('js');
  });
});
