import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../src/domain/phone.js';

describe('normalizePhone (SPEC §3: mainland mobile, or landline with area code, optional +86)', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    [' 19912345678 ', '19912345678'],
    ['+8613800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['(010) 1234 5678', '010-12345678'],
    ['（010）12345678', '010-12345678'],
    ['021-1234567', '021-1234567'],
    ['02012345678', '020-12345678'],
    ['0571-87654321', '0571-87654321'],
    ['0755 1234567', '0755-1234567'],
    ['+86 10 1234 5678', '010-12345678'],
    ['+86 571 87654321', '0571-87654321'],
    ['0086 10 12345678', '010-12345678'],
  ])('%j → %s', (text, phone) => {
    expect(normalizePhone(text)).toBe(phone);
  });

  it.each([
    '',
    'abc',
    '12345',
    '110',
    '12800138000', // 12x is no mobile prefix
    '10800138000',
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '10-12345678', // landline without its trunk 0 and without +86
    '010-123456', // too few digits
    '010-123456789', // too many
    '+1 415 555 0100',
    '+85212345678', // Hong Kong, not mainland
    '1380013800O', // letter O
  ])('rejects %j', (text) => {
    expect(normalizePhone(text)).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['010-12345678', '***-****5678'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
