import { describe, expect, it } from 'vitest';
import { fullName } from './people.ts';

describe('fullName', () => {
  it('writes Chinese names family first without a space and Latin names given first with one', () => {
    const table: [string | undefined, string | undefined, string][] = [
      ['小明', '王', '王小明'],
      [' 小明 ', '欧阳', '欧阳小明'],
      ['John', 'Smith', 'John Smith'],
      ['Mary  Ann', ' van der Berg ', 'Mary Ann van der Berg'],
      ['Li', '王', '王Li'],
      ['小明', undefined, '小明'],
      [undefined, 'Smith', 'Smith'],
      ['', '  ', ''],
      [undefined, undefined, ''],
    ];
    for (const [given, family, expected] of table) expect(fullName(given, family), `${given}|${family}`).toBe(expected);
  });
});
