import { idCheckChar, maskIdNumber, maskPhone } from '@gewu/domain';
import { eq } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { gridAssignments, gridBoundaries, grids } from '../modules/grids/grids.table.ts';
import { houses, residentHouses, residents, specialPopulations } from '../modules/people/people.table.ts';
import { planClock, planLights, visitPlanClock } from '../modules/people/special.clocks.ts';
import { scheduleDeadlines } from '../platform/clocks/index.ts';
import { areaM2 } from '@gewu/geo';

/** A seeded plan due on `day`, with its clock (visit-plans.ts). */
const planOn = (day: string) => ({ nextVisitDue: day, ...planClock(day) });

/** A deterministic pseudo-random generator, so the demo data is the same on every start. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

// 格物街道's six communities/villages as a 3 × 2 block east of Zhengzhou's old town (WGS84).
const TOWN = { w: 113.69, s: 34.73, cellW: 0.012, cellH: 0.01 };
const VILLAGE_CELLS: Record<string, [number, number]> = {
  '410104001001': [0, 1],
  '410104001002': [1, 1],
  '410104001003': [2, 1],
  '410104001004': [0, 0],
  '410104001201': [1, 0],
  '410104001202': [2, 0],
};
/** Quadrants (col,row) that are dedicated grids instead of ordinary ones. */
const DEDICATED: Record<string, { quadrant: number; name: string; kind: string }> = {
  '410104001001': { quadrant: 3, name: '格物实验小学专属网格', kind: 'school' },
  '410104001202': { quadrant: 0, name: '齐家农贸市场专属网格', kind: 'market' },
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰文博子涵浩然欣怡梓萱宇轩'.split('');

export interface DemoBaseCounts {
  grids: number;
  residents: number;
  houses: number;
  special: number;
}

/** Grids tiling the demo communities, ~2,000 residents, 800 houses and a few special-population records. */
export async function seedDemoBase(db: Db, clock: Clock, pii: PiiCipher): Promise<DemoBaseCounts> {
  const random = rng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const now = clock.now();
  const gridCells: { id: string; path: string; villageId: string; box: [number, number, number, number] }[] = [];
  for (const [code, [col, row]] of Object.entries(VILLAGE_CELLS)) {
    const [village] = await db.select().from(regions).where(eq(regions.code, code));
    if (!village) continue;
    const w = TOWN.w + col * TOWN.cellW;
    const s = TOWN.s + row * TOWN.cellH;
    await db
      .update(regions)
      .set({ boundary: rect(w, s, w + TOWN.cellW, s + TOWN.cellH) })
      .where(eq(regions.id, village.id));
    const rural = code.slice(9, 10) === '2';
    for (let q = 0; q < 4; q++) {
      // Quadrants numbered west→east, north→south as unit-grid codes are.
      const qc = q % 2;
      const qr = q < 2 ? 1 : 0;
      const box: [number, number, number, number] = [
        w + (qc * TOWN.cellW) / 2,
        s + (qr * TOWN.cellH) / 2,
        w + ((qc + 1) * TOWN.cellW) / 2,
        s + ((qr + 1) * TOWN.cellH) / 2,
      ];
      const dedicated = DEDICATED[code]?.quadrant === q ? DEDICATED[code] : undefined;
      const gridCode = `${code}${String(q + 1).padStart(3, '0')}`;
      const geometry = rect(...box);
      const [g] = await db
        .insert(grids)
        .values({
          code: gridCode,
          name: dedicated ? dedicated.name : `${village.name}第${q + 1}网格`,
          kind: dedicated ? 'dedicated' : rural ? 'rural' : 'urban_community',
          dedicatedKind: dedicated?.kind ?? null,
          villageId: village.id,
          regionPath: `${village.path}${gridCode}/`,
          households: 0,
        })
        .returning();
      const grid = g as typeof grids.$inferSelect;
      await db.insert(gridBoundaries).values({
        gridId: grid.id,
        geometry,
        minLon: box[0],
        minLat: box[1],
        maxLon: box[2],
        maxLat: box[3],
        areaM2: areaM2(geometry),
        validFrom: now,
      });
      const worker = `${pick(SURNAMES)}${pick(GIVEN)}`;
      await db.insert(gridAssignments).values([
        { gridId: grid.id, duty: 'grid_worker_full', personName: worker, phoneMasked: null, validFrom: now },
        { gridId: grid.id, duty: 'police', personName: `${pick(SURNAMES)}警官`, validFrom: now },
      ]);
      if (!dedicated) gridCells.push({ id: grid.id, path: grid.regionPath, villageId: village.id, box });
    }
  }
  // 明德社区第1网格 is split further into two micro-grids (微网格).
  const first = gridCells[0];
  if (first) {
    const [w, s, e, n] = first.box;
    const mid = (w + e) / 2;
    for (const [i, box] of [
      [w, s, mid, n],
      [mid, s, e, n],
    ].entries()) {
      const microCode = `${first.path.split('/').at(-2)}00${i + 1}`;
      const [m] = await db
        .insert(grids)
        .values({
          code: microCode,
          name: `明德社区第1网格微网格${i + 1}`,
          kind: 'micro',
          villageId: first.villageId,
          parentGridId: first.id,
          regionPath: `${first.path}${microCode}/`,
          households: 40,
        })
        .returning();
      const g = rect(box[0] as number, box[1] as number, box[2] as number, box[3] as number);
      await db.insert(gridBoundaries).values({
        gridId: (m as { id: string }).id,
        geometry: g,
        minLon: box[0] as number,
        minLat: box[1] as number,
        maxLon: box[2] as number,
        maxLat: box[3] as number,
        areaM2: areaM2(g),
        validFrom: now,
      });
    }
  }

  // 800 houses spread over the ordinary grids, a fifth of them rented out.
  const houseRows = Array.from({ length: 800 }, (_, i) => {
    const cell = gridCells[i % gridCells.length] as (typeof gridCells)[number];
    const usage =
      random() < 0.2 ? ('rental' as const) : random() < 0.05 ? ('vacant' as const) : ('self_occupied' as const);
    return {
      regionPath: cell.path,
      villageId: cell.villageId,
      gridId: cell.id,
      address: `${1 + Math.floor(i / 40)}号楼${1 + (((i / 8) % 5) | 0)}单元${100 + (i % 8) + 1}室`,
      usage,
      areaM2: 50 + Math.round(random() * 90),
    };
  });
  const insertedHouses = await db.insert(houses).values(houseRows).returning({
    id: houses.id,
    usage: houses.usage,
    gridId: houses.gridId,
    regionPath: houses.regionPath,
    villageId: houses.villageId,
  });

  // About 2,000 residents living in those houses.
  const people: (typeof residents.$inferInsert)[] = [];
  const links: { houseIndex: number; relation: 'owner' | 'family' | 'tenant' }[] = [];
  for (const [hi, house] of insertedHouses.entries()) {
    if (house.usage === 'vacant') continue;
    const size = 1 + Math.floor(random() * 4);
    for (let k = 0; k < size && people.length < 2000; k++) {
      const year = k === 0 ? 1940 + Math.floor(random() * 55) : 1950 + Math.floor(random() * 74);
      const birth = `${year}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const female = random() < 0.5;
      const seq = String(100 + Math.floor(random() * 899));
      const genderDigit = String((Math.floor(random() * 5) * 2 + (female ? 0 : 1)) % 10);
      const first17 = `410104${birth}${seq.slice(0, 2)}${genderDigit}`;
      const id = first17 + idCheckChar(first17);
      const phone = `13${Math.floor(random() * 10)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const age = 2026 - year;
      const tenant = house.usage === 'rental';
      const categories = [
        tenant ? 'floating' : 'registered',
        ...(age >= 70 && size === 1 ? ['elderly_alone'] : []),
        ...(age < 18 ? ['minor'] : []),
        ...(age < 16 && random() < 0.3 ? ['left_behind'] : []),
      ];
      people.push({
        regionPath: house.regionPath,
        villageId: house.villageId,
        gridId: house.gridId,
        name: `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.5 ? pick(GIVEN) : ''}`,
        gender: female ? 'female' : 'male',
        birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
        idEnc: pii.encrypt(id),
        idHash: pii.lookupHash('id', id),
        idMasked: maskIdNumber(id),
        phoneEnc: age >= 16 ? pii.encrypt(phone) : null,
        phoneHash: age >= 16 ? pii.lookupHash('phone', phone) : null,
        phoneMasked: age >= 16 ? maskPhone(phone) : null,
        categories,
      });
      links.push({ houseIndex: hi, relation: tenant ? 'tenant' : k === 0 ? 'owner' : 'family' });
    }
  }
  const inserted: { id: string; regionPath: string }[] = [];
  for (let i = 0; i < people.length; i += 500) {
    inserted.push(
      ...(await db
        .insert(residents)
        .values(people.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: residents.id, regionPath: residents.regionPath })),
    );
  }
  const linkRows = inserted.map((r, i) => ({
    residentId: r.id,
    houseId: (insertedHouses[(links[i] as { houseIndex: number }).houseIndex] as { id: string }).id,
    relation: (links[i] as { relation: 'owner' | 'family' | 'tenant' }).relation,
  }));
  for (let i = 0; i < linkRows.length; i += 1000) await db.insert(residentHouses).values(linkRows.slice(i, i + 1000));

  const kinds = ['community_correction', 'released_prisoner', 'drug_user', 'severe_mental_disorder'] as const;
  const risks = ['low', 'medium', 'high'] as const;
  const special = inserted
    .filter((_, i) => i % 250 === 7)
    .map((r, i) => ({
      residentId: r.id,
      regionPath: r.regionPath,
      kind: kinds[i % kinds.length] as (typeof kinds)[number],
      riskLevel: risks[i % risks.length] as (typeof risks)[number],
      helperGroup: ['网格员', '社区民警', '司法所'],
      visitIntervalDays: [30, 14, 7][i % 3] as number,
      ...planOn(new Date(now.getTime() + (i - 3) * 5 * 86_400_000).toISOString().slice(0, 10)),
    }));
  if (special.length) {
    const plans = await db.insert(specialPopulations).values(special).returning();
    for (const p of plans) await scheduleDeadlines(db, visitPlanClock, p.id, planLights(p));
  }
  return {
    grids: gridCells.length,
    residents: inserted.length,
    houses: insertedHouses.length,
    special: special.length,
  };
}
