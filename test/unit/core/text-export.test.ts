import { describe, expect, test } from 'vitest';
import { displayWidth, toPlainText } from '../../../src/core/text-export';

const S = '\u3000'; // ideographic space, one CJK column

describe('toPlainText', () => {
  test('title, 【heading】, aligned pairs with full-width colon, blank line between sections', () => {
    const text = toPlainText('预算申请单', [
      {
        heading: '基本信息',
        lines: [
          ['申请人', '张三'],
          ['项目', '暑期招生'],
          ['预算科目', '宣传物料'],
        ],
      },
      { heading: '合计', lines: [['金额', '¥1,234.50'], '人民币壹仟贰佰叁拾肆元伍角整'] },
    ]);
    expect(text).toBe(
      [
        '预算申请单',
        '',
        '【基本信息】',
        `申请人${S}：张三`,
        `项目${S}${S}：暑期招生`,
        '预算科目：宣传物料',
        '',
        '【合计】',
        '金额：¥1,234.50',
        '人民币壹仟贰佰叁拾肆元伍角整',
      ].join('\n'),
    );
  });

  test.each([
    [
      [
        ['KPI', '90'],
        ['得分', '85'],
      ] as const,
      [`KPI ：90`, '得分：85'],
    ], // 3 vs 4 columns: one ASCII space
    [
      [
        ['A', '1'],
        ['完成率', '95%'],
      ] as const,
      [`A${S}${S} ：1`, '完成率：95%'],
    ], // 1 vs 6 columns
  ])('labels of mixed width line up: %j', (lines, expected) => {
    expect(toPlainText('T', [{ lines }])).toBe(['T', '', ...expected].join('\n'));
  });

  test('a section without heading is just its lines', () => {
    expect(toPlainText('T', [{ lines: ['第一行', '第二行'] }])).toBe('T\n\n第一行\n第二行');
  });

  test('a multi-line value continues under the value, not under the label', () => {
    expect(toPlainText('T', [{ lines: [['自评', '完成目标\n\n超额 5%']] }])).toBe(
      `T\n\n自评：完成目标\n\n${S}${S}${S}超额 5%`,
    );
  });

  test('no markdown or HTML is added', () => {
    const text = toPlainText('标题', [{ heading: '小节', lines: [['键', '值'], '说明'] }]);
    expect(text).not.toMatch(/[#*_`<>|]/);
  });

  test.each([
    ['a\u0000b', 'ab'], // NUL
    ['a\u0007b', 'ab'], // bell
    ['a\u001bb', 'ab'], // escape
    ['a\u007fb', 'ab'], // DEL
    ['a\u0085b', 'ab'], // C1 next-line
    ['a\u200bb', 'ab'], // zero-width space
    ['a\u202eb', 'ab'], // right-to-left override, which can disguise text
    ['a\u2066b', 'ab'], // bidi isolate
    ['a\ufeffb', 'ab'], // BOM inside text
    ['a\tb', 'a b'], // tab → space
    ['a\r\nb', 'a\nb'], // CRLF → LF in a plain line
    ['a\rb', 'a\nb'], // lone CR → LF
    ['  a  ', 'a'], // surrounding spaces trimmed
  ])('plain line %j → %j', (input, expected) => {
    expect(toPlainText('T', [{ lines: [input] }])).toBe(`T\n\n${expected}`);
  });

  test('title, heading and label stay on one line', () => {
    expect(toPlainText('绩效\n自评', [{ heading: '小\r\n节', lines: [['标\n签', 'v']] }])).toBe(
      '绩效 自评\n\n【小 节】\n标 签：v',
    );
  });

  test('empty sections and an empty heading leave no stray blank blocks', () => {
    expect(toPlainText('T', [{ lines: [] }, { heading: ' ', lines: [] }, { lines: ['x'] }])).toBe('T\n\nx');
  });

  test('an empty title is dropped', () => {
    expect(toPlainText('', [{ lines: ['x'] }])).toBe('x');
  });
});

describe('displayWidth', () => {
  test.each([
    ['abc', 3], // ASCII
    ['中文', 4], // CJK ideographs
    ['ｱ', 1], // half-width katakana
    ['１２', 4], // full-width digits
    ['한', 2], // Hangul
    ['￥', 2], // full-width yen sign
    ['😀', 2], // emoji (one code point, two UTF-16 units)
    ['', 0], // empty
  ])('%j → %d', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
