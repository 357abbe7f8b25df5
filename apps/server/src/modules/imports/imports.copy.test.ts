import { describe, expect, it } from 'vitest';
import { copyArray, copyField } from '../../db/copy-text.ts';
import { residentCopyLine } from '../people/people.repository.ts';

describe('COPY text encoding', () => {
  it('escapes what COPY reads as structure and writes null as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('')).toBe('');
    expect(copyField('居民 1号')).toBe('居民 1号');
    expect(copyField('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
    expect(copyField('\\.')).toBe('\\\\.');
  });

  it('quotes every array element', () => {
    expect(copyArray([])).toBe('{}');
    expect(copyArray(['registered', 'elderly_alone'])).toBe('{"registered","elderly_alone"}');
    expect(copyArray(['a"b', 'c\\d'])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
  });

  it('writes one line per resident in column order', () => {
    const line = residentCopyLine({
      regionPath: '/41/',
      villageId: '00000000-0000-4000-8000-000000000001',
      name: '王\t五',
      categories: ['minor'],
      address: null,
    });
    expect(line).toBe(
      '/41/\t00000000-0000-4000-8000-000000000001\t\\N\t王\\t五\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t{"minor"}\t\\N\t\\N\n',
    );
  });
});
