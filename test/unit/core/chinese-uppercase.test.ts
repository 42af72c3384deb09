import { describe, expect, test } from 'vitest';
import { fromChineseUppercase, toChineseUppercase } from '../../../src/core/chinese-uppercase';
import { MAX_FEN, type Fen } from '../../../src/core/money';

// Amounts in 分; expectations written by hand from voucher practice, not computed.
const rows: [fen: number, uppercase: string][] = [
  [0, '人民币零元整'], // zero: the only place 零元 is written
  [1, '人民币壹分'], // 分 only: no 整 after 分, no leading 零元
  [3, '人民币叁分'], // as in the brief
  [10, '人民币壹角整'], // 角 only gets 整
  [50, '人民币伍角整'], // as in the brief
  [53, '人民币伍角叁分'], // 角 and 分 without 元
  [100, '人民币壹元整'], // one 元
  [105, '人民币壹元零伍分'], // the empty 角 is said as 零
  [110, '人民币壹元壹角整'], // 整 after 角
  [111, '人民币壹元壹角壹分'], // all three units
  [1000, '人民币壹拾元整'], // 壹拾, never a bare 拾
  [1001, '人民币壹拾元零壹分'], // 10.01
  [1010, '人民币壹拾元壹角整'], // 10.10: no 零 between 元 and 角
  [1050, '人民币壹拾元伍角整'], // as in the brief
  [1100, '人民币壹拾壹元整'], // 11
  [1500, '人民币壹拾伍元整'], // 15
  [2000, '人民币贰拾元整'], // 20
  [10000, '人民币壹佰元整'], // trailing zeros are not said
  [10100, '人民币壹佰零壹元整'], // a zero inside is said once
  [11000, '人民币壹佰壹拾元整'], // 110
  [100100, '人民币壹仟零壹元整'], // two zeros inside → one 零
  [101000, '人民币壹仟零壹拾元整'], // 1010: 零壹拾 inside
  [110000, '人民币壹仟壹佰元整'], // 1100
  [123405, '人民币壹仟贰佰叁拾肆元零伍分'], // everything at once
  [1000000, '人民币壹万元整'], // 1 万
  [1000100, '人民币壹万零壹元整'], // 10001: three zeros → one 零
  [1001000, '人民币壹万零壹拾元整'], // 10010
  [1010000, '人民币壹万零壹佰元整'], // 10100: zero at the 仟 place of the low block
  [1100000, '人民币壹万壹仟元整'], // 11000: no zero between blocks when 仟 is filled
  [10000000, '人民币壹拾万元整'], // 10 万
  [10001000, '人民币壹拾万零壹拾元整'], // 100010, as in the brief
  [10100000, '人民币壹拾万壹仟元整'], // 101000
  [30000005, '人民币叁拾万元零伍分'], // 300000.05: zero 角 after whole 万
  [100000000, '人民币壹佰万元整'], // 1000000, as in the brief
  [100000100, '人民币壹佰万零壹元整'], // 1000001: five zeros → one 零
  [1000000000, '人民币壹仟万元整'], // 1000 万
  [1000000001, '人民币壹仟万元零壹分'], // 10000000.01
  [1200000000, '人民币壹仟贰佰万元整'], // 1200 万
  [2000000010, '人民币贰仟万元壹角整'], // 20000000.10
  [1234567890, '人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'], // a full 万 block
  [10000000000, '人民币壹亿元整'], // 1 亿, as in the brief
  [10001000000, '人民币壹亿零壹万元整'], // 100010000, as in the brief
  [10000000100, '人民币壹亿零壹元整'], // 100000001: seven zeros across blocks → one 零
  [10100000000, '人民币壹亿零壹佰万元整'], // 101000000: zero between 亿 and 佰万
  [11000000000, '人民币壹亿壹仟万元整'], // 110000000
  [100000000000, '人民币壹拾亿元整'], // 10 亿
  [100001000000, '人民币壹拾亿零壹万元整'], // 1000010000
  [999999999999, '人民币玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'], // one 分 below the top
  [MAX_FEN, '人民币壹佰亿元整'], // the top of the input range, 100 亿元
  [1000000000000000, '人民币壹拾万亿元整'], // past the input range (a sum): 万亿
  [100050000000000, '人民币壹万零伍亿元整'], // 10005 亿: the 亿 block itself has a 万 and a zero
  [Number.MAX_SAFE_INTEGER, '人民币玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'], // largest exact
];

describe('toChineseUppercase', () => {
  test.each(rows)('%d 分 → %s', (amount, expected) => {
    expect(toChineseUppercase(amount as Fen)).toBe(expected);
  });

  test.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('%d is not an amount: RangeError', (amount) => {
    expect(() => toChineseUppercase(amount as Fen)).toThrow(RangeError);
  });
});

describe('fromChineseUppercase', () => {
  test.each(rows)('%d 分 ← %s', (amount, text) => {
    expect(fromChineseUppercase(text)).toEqual({ ok: true, value: amount });
  });

  test.each([
    ['壹拾元伍角整', 1050], // 人民币 prefix optional
    [' 人民币 壹仟 零壹元整 ', 100100], // spaces ignored
  ])('lenient about %j', (text, amount) => {
    expect(fromChineseUppercase(text)).toEqual({ ok: true, value: amount });
  });

  test.each([
    ['人民币拾元整'], // bare 拾: not how a voucher writes it
    ['人民币壹元伍分'], // missing 零 before 分
    ['人民币壹拾元伍角'], // missing 整
    ['人民币伍分整'], // 整 after 分
    ['人民币零元伍角整'], // leading 零元
    ['人民币壹佰零零壹元整'], // two 零
    ['人民币壹百元整'], // lower-case 百
    ['人民币一元整'], // lower-case digit
    ['人民币壹拾亿亿元整'], // doubled unit
    ['人民币壹元零'], // dangling 零
    ['100元'], // figures, not 大写
    ['人民币'], // prefix only
  ])('refuses %j', (text) => {
    expect(fromChineseUppercase(text)).toEqual({ ok: false, code: 'not-a-number', error: '大写金额格式不正确' });
  });

  test('empty reads as not filled', () => {
    expect(fromChineseUppercase('  ')).toEqual({ ok: false, code: 'empty', error: '请填写此项' });
  });
});
