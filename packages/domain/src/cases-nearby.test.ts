import { describe, expect, it } from 'vitest';
import { boxAround, metresBetween, nearbyQuerySchema, shownDistance, supplementBodySchema } from './cases-nearby.ts';
import { checkTransition, type CaseFacts } from './cases-life.ts';

describe('nearby reports', () => {
  // One thousandth of a degree of latitude is 111.2 m anywhere; of longitude at 34.75° N, 91.4 m.
  const here = { lon: 113.65, lat: 34.75 };
  it.each([
    [{ lon: 113.65, lat: 34.751 }, 111],
    [{ lon: 113.651, lat: 34.75 }, 91],
    [{ lon: 113.65, lat: 34.75 }, 0],
  ])('metresBetween %j → %d m', (p, m) => expect(Math.round(metresBetween(here, p))).toBe(m));

  it('the box around a point holds the circle', () => {
    const b = boxAround(here, 200);
    expect(metresBetween(here, { lon: here.lon, lat: b.maxLat })).toBeCloseTo(200, 0);
    expect(metresBetween(here, { lon: b.maxLon, lat: here.lat })).toBeCloseTo(200, 0);
  });

  it.each([
    [0, 10],
    [4, 10],
    [14, 10],
    [15, 20],
    [196, 200],
  ])('a distance of %d m is shown as %d m', (m, shown) => expect(shownDistance(m)).toBe(shown));

  it('the query takes numbers from the query string and refuses bad codes', () => {
    expect(nearbyQuerySchema.parse({ itemCode: '02007', lon: '113.6', lat: '34.7' })).toEqual({
      itemCode: '02007',
      lon: 113.6,
      lat: 34.7,
    });
    expect(nearbyQuerySchema.safeParse({ itemCode: '2007', lon: '1', lat: '1' }).success).toBe(false);
    expect(nearbyQuerySchema.safeParse({ itemCode: '02007', lon: '181', lat: '1' }).success).toBe(false);
  });

  it('a supplement needs a few words and a key', () => {
    expect(supplementBodySchema.safeParse({ note: '我', idempotencyKey: 'k-12345678' }).success).toBe(false);
    expect(supplementBodySchema.parse({ note: '今天还在积水', idempotencyKey: 'k-12345678' }).attachmentIds).toEqual(
      [],
    );
  });
});

describe('不确定/其他 at acceptance (CASE_LIFE classified guard)', () => {
  const facts = (state: CaseFacts['state'], unclassified: boolean): CaseFacts => ({
    state,
    pendingKind: null,
    rated: false,
    level: 'township',
    assignedToGridWorker: false,
    unclassified,
  });
  // action    state      unclassified  itemCode   → refusal
  const TABLE: [string, CaseFacts['state'], boolean, string | undefined, string | null][] = [
    ['accept', 'reported', true, undefined, 'case.classification_required'],
    ['accept', 'reported', true, '02007', null],
    ['accept', 'reported', false, undefined, null],
    ['dispatch', 'accepted', true, undefined, 'case.classification_required'],
    ['dispatch', 'accepted', true, '02007', null],
    ['dispatch', 'accepted', false, undefined, null],
    ['reject', 'reported', true, undefined, null],
    ['void', 'reported', true, undefined, null],
  ];
  for (const [action, state, unclassified, itemCode, code] of TABLE)
    it(`${action} from ${state}, unclassified ${unclassified}, itemCode ${itemCode ?? '-'} → ${code ?? 'allowed'}`, () => {
      const refusal = checkTransition(facts(state, unclassified), action as 'accept', ['centre'], {
        note: '理由',
        conditionMet: true,
        itemCode,
      });
      expect(refusal?.code ?? null).toBe(code);
    });
});
