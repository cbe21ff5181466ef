import { describe, expect, it } from 'vitest';
import { formatTicket, inOffice, MAX_SEQ, normalizeTicket, OFFICE_CODE, parseTicket, ticketCountTooLarge } from '../../src/domain/ticket.js';

describe('formatTicket (SPEC §4: YYMMDD + the year\'s running count)', () => {
  it.each([
    ['2026-09-12', 1, '260912001'],
    ['2026-09-12', 3, '260912003'],
    ['2026-09-12', 99, '260912099'],
    ['2026-09-12', 999, '260912999'],
    // Past 999 the count widens: the 1000th complaint of 2026, received 31 December.
    ['2026-12-31', 1000, '2612311000'],
    ['2027-01-01', 12345, '27010112345'],
    ['2030-02-03', 42, '300203042'],
  ])('%s #%i → %s', (date, seq, ticket) => {
    expect(formatTicket(date, seq)).toBe(ticket);
  });
});

describe('normalizeTicket', () => {
  it.each([
    ['260912003', '260912003'],
    ['  260912003 ', '260912003'],
    ['260912-3', '260912003'],
    ['260912-03', '260912003'],
    ['260912-099', '260912099'],
    ['260912-99', '260912099'],
    ['2612311000', '2612311000'],
    ['261231-1000', '2612311000'],
    ['27010112345', '27010112345'],
  ])('accepts %j as %s', (text, ticket) => {
    expect(normalizeTicket(text)).toBe(ticket);
  });

  it.each([
    '',
    'abc',
    '26091200', // too short: no three-digit count
    '260912000', // count 0
    '260912-0',
    '261312001', // month 13
    '260012001', // month 0
    '260900001', // day 0
    '260932001', // day 32
    '2612310999', // past 999 there is no leading zero
    '26091-3',
    '260912-',
    '260912-3a',
    '-260912003',
    '260912 003',
    '260912_3',
    'T260912003',
    '２６０９１２００３', // full-width digits
  ])('rejects %j', (text) => {
    expect(normalizeTicket(text)).toBeNull();
  });

  it.each([1, 7, 10, 99, 100, 999, 1000, 1001, 12345])('round-trips count %i in both forms', (seq) => {
    const ticket = formatTicket('2026-12-31', seq);
    expect(normalizeTicket(ticket)).toBe(ticket);
    expect(normalizeTicket(`261231-${seq}`)).toBe(ticket);
    expect(parseTicket(ticket)).toEqual({ office: null, yymmdd: '261231', year: 2026, seq });
  });
});

describe('parseTicket', () => {
  it('splits a widened ticket', () => {
    expect(parseTicket('2612311000')).toEqual({ office: null, yymmdd: '261231', year: 2026, seq: 1000 });
  });
  it('throws on text that is not a ticket', () => {
    expect(() => parseTicket('260912-3')).toThrow();
  });
});

describe('the maximum running count (README "Limits")', () => {
  it('999,999 is a ticket; past it the text is too large, not a ticket', () => {
    expect(MAX_SEQ).toBe(999_999);
    expect(normalizeTicket('261231999999')).toBe('261231999999');
    expect(normalizeTicket('261231-999999')).toBe('261231999999');
    for (const text of ['2612311000000', '261231-1000000', '26091199999999999999999', '260911-99999999999999999999']) {
      expect(normalizeTicket(text)).toBeNull();
      expect(ticketCountTooLarge(text)).toBe(true);
    }
    expect(ticketCountTooLarge('abc')).toBe(false);
    expect(ticketCountTooLarge('261331999999999')).toBe(false);
  });
});

describe('tickets of an office on a shared server (SPEC §14)', () => {
  it('formats with the office code in front', () => {
    expect(formatTicket('2026-09-12', 1, 'YG')).toBe('YG-260912001');
    expect(formatTicket('2026-12-31', 1000, 'HY2')).toBe('HY2-2612311000');
  });
  it('reads a code in any case, the short form too, and keeps a bare number bare', () => {
    expect(normalizeTicket('yg-260912001')).toBe('YG-260912001');
    expect(normalizeTicket(' YG-260912-1 ')).toBe('YG-260912001');
    expect(normalizeTicket('260912001')).toBe('260912001');
    expect(normalizeTicket('YG-260912000')).toBeNull();
    expect(normalizeTicket('YG260912001')).toBeNull();
    expect(normalizeTicket('1YG-260912001')).toBeNull();
    expect(normalizeTicket('TOOLONGCODE-260912001')).toBeNull();
    expect(ticketCountTooLarge('YG-2609121000000')).toBe(true);
  });
  it('files a bare number under the current office and leaves another office\'s as it is', () => {
    expect(inOffice('260912001', 'YG')).toBe('YG-260912001');
    expect(inOffice('HY-260912001', 'YG')).toBe('HY-260912001');
    expect(inOffice('260912001', null)).toBe('260912001');
  });
  it('splits the code off', () => {
    expect(parseTicket('YG-260912003')).toEqual({ office: 'YG', yymmdd: '260912', year: 2026, seq: 3 });
  });
  it('office codes are a capital letter and up to seven capitals or digits', () => {
    expect(['YG', 'HY2', 'A', 'ABCDEFGH'].every((c) => OFFICE_CODE.test(c))).toBe(true);
    expect(['yg', '2Y', 'ABCDEFGHI', 'Y-G', ''].some((c) => OFFICE_CODE.test(c))).toBe(false);
  });
});
