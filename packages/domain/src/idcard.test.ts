import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkPhone, idCheckChar, idNumberFacts, maskIdNumber, maskPhone } from './idcard.ts';

const valid = (first17: string) => first17 + idCheckChar(first17);

describe('GB 11643 identity numbers', () => {
  it('accepts a number with the right check character (including X)', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull(); // the standard's own example
    expect(checkIdNumber(valid('41010419900307123'))).toBeNull();
    expect(checkIdNumber(valid('41010419900307123').toLowerCase())).toBeNull();
  });
  it('refuses a wrong check character, a bad date, a future date, a bad region and bad format', () => {
    const good = valid('41010419900307123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrong)).toBe('身份证号校验位不正确');
    expect(checkIdNumber(valid('41010419900230123'))).toMatch(/出生日期 19900230 无效/);
    expect(checkIdNumber(valid('41010420991231123'), new Date('2026-11-23'))).toMatch(/合理范围/);
    expect(checkIdNumber(valid('99010419900307123'))).toMatch(/地区码/);
    expect(checkIdNumber('4101041990030712')).toMatch(/18 位/);
  });
  it('derives birth date and sex', () => {
    expect(idNumberFacts(valid('41010419900307123'))).toEqual({ birthDate: '1990-03-07', gender: 'male' });
    expect(idNumberFacts(valid('41010419900307124')).gender).toBe('female');
  });
});

describe('masking and phones', () => {
  it('masks as 4101**********1234 and 138****1234', () => {
    expect(maskIdNumber('410104199003071234')).toBe('4101**********1234');
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('validates phones', () => {
    expect(checkPhone('138 1234 1234')).toBeNull();
    expect(checkPhone('+8613812341234')).toBeNull();
    expect(checkPhone('0371-66661234')).toBeNull();
    expect(checkPhone('12345')).toMatch(/格式不正确/);
  });
});
