import { idCheckChar, maskIdNumber } from '@gewu/domain';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { buildings, houses, residentHouses, residents } from '../modules/people/people.table.ts';

const idOf = (first17: string) => first17 + idCheckChar(first17);

/**
 * The demo account `resident` (李群众) as an owner: their ID number (README) proves it on the phone
 * (业主表决 → 核验). Made-up people.
 */
export const DEMO_OWNER_ID_NUMBER = idOf('41010419850315002');

/**
 * 格物小区 1 号楼 in 明德社区: six units with their registered areas — 李群众 owns one, 王建国 three
 * (one head, areas summed), 陈秀英 and 赵立新 one each, and one is unsold (the developer's). The staff
 * start an owners' vote on the building and 李群众 votes on the phone.
 */
export async function seedVoteBase(
  db: Db,
  clock: Clock,
  pii: PiiCipher,
  ids: Map<string, { id: string; path: string }>,
): Promise<{ estateUnits: number }> {
  const village = ids.get('410104001001');
  if (!village) throw new Error('demo village missing');
  const placed = { regionPath: village.path, villageId: village.id };
  const [building] = await db
    .insert(buildings)
    .values({ ...placed, name: '格物小区1号楼', address: '格物路 88 号', floors: 6 })
    .returning({ id: buildings.id });
  const owners = [
    { name: '李群众', idNumber: DEMO_OWNER_ID_NUMBER },
    { name: '王建国', idNumber: idOf('41010419700101001') },
    { name: '陈秀英', idNumber: idOf('41010419760606002') },
    { name: '赵立新', idNumber: idOf('41010419820909003') },
  ];
  const people = await db
    .insert(residents)
    .values(
      owners.map((o) => ({
        ...placed,
        name: o.name,
        idEnc: pii.encrypt(o.idNumber),
        idHash: pii.lookupHash('id', o.idNumber),
        idMasked: maskIdNumber(o.idNumber),
        categories: ['registered'],
        createdAt: clock.now(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: residents.id });
  const units: [address: string, areaM2: number, owner: number | null][] = [
    ['1单元101室', 89.5, 0],
    ['1单元102室', 120, 1],
    ['1单元201室', 95.3, 1],
    ['1单元202室', 76.8, 1],
    ['1单元301室', 110, 2],
    ['1单元302室', 88, 3],
    ['1单元401室', 92.6, null],
  ];
  for (const [address, areaM2, owner] of units) {
    const [house] = await db
      .insert(houses)
      .values({ ...placed, buildingId: building?.id, address, usage: 'self_occupied', areaM2 })
      .returning({ id: houses.id });
    const person = owner === null ? undefined : people[owner];
    if (house && person)
      await db.insert(residentHouses).values({ residentId: person.id, houseId: house.id, relation: 'owner' });
  }
  return { estateUnits: units.length };
}
