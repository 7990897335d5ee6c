import {
  Decimal,
  fitsMoneyColumn,
  formatMoney,
  lineTotal,
  moneyProblem,
  moneySchema,
  sumMoney,
} from '../src';

describe('money arithmetic (decimal.js, never floats)', () => {
  it('multiplies and sums exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap this module exists for
    expect(formatMoney(lineTotal(new Decimal('19.99'), 3))).toBe('59.97');
    expect(formatMoney(sumMoney([new Decimal('0.10'), new Decimal('0.20')]))).toBe('0.30');
    expect(formatMoney(lineTotal(new Decimal('0.01'), 1000))).toBe('10.00');
  });

  it('knows what fits DECIMAL(10,2)', () => {
    expect(fitsMoneyColumn(new Decimal('99999999.99'))).toBe(true);
    expect(fitsMoneyColumn(new Decimal('100000000'))).toBe(false);
    expect(fitsMoneyColumn(new Decimal('-0.01'))).toBe(false);
  });

  it('names what is wrong with an amount', () => {
    expect(moneyProblem('19.99')).toBeUndefined();
    expect(moneyProblem('99999999.99')).toBeUndefined();
    expect(moneyProblem('-0.01')).toBe('must not be negative');
    expect(moneyProblem('0.001')).toBe('must have at most 2 decimal places');
    expect(moneyProblem('100000000')).toBe('must be at most 99999999.99');
    expect(moneyProblem('1e3')).toBe('must be a decimal amount such as "19.99"');
  });
});

describe('moneySchema (a JSON amount → canonical text)', () => {
  it.each([
    ['19.99', '19.99'],
    [19.99, '19.99'],
    ['7', '7.00'],
    ['0.5', '0.50'],
    [1234.5, '1234.50'],
    ['0', '0.00'],
    ['99999999.99', '99999999.99'],
  ])('%p → %p', (input, expected) => expect(moneySchema.parse(input)).toBe(expected));

  it.each([
    0.1 + 0.2,
    '1.005',
    '-1',
    -2,
    '1e2',
    1e21,
    '01.00',
    '',
    ' 1.00',
    '100000000',
    true,
    null,
    'x'.repeat(33),
  ])('%p is refused', (input) => expect(moneySchema.safeParse(input).success).toBe(false));
});
