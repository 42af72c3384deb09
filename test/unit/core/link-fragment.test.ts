import { describe, expect, it } from 'vitest';
import {
  isLinkFragment,
  linkFragmentIn,
  linkFragmentInfo,
  parseLinkFragment,
} from '../../../src/core/link-fragment';

describe('linkFragmentInfo', () => {
  it.each([
    // share, plain and compressed
    ['v1.bonus.eyJ', { kind: 'share', tool: 'bonus' }],
    ['#z2.self-review.abc', { kind: 'share', tool: 'self-review' }],
    // replies
    ['r1.budget-request.xyz', { kind: 'reply', tool: 'budget-request' }],
    ['q1.onboarding.xyz', { kind: 'reply', tool: 'onboarding' }],
    ['#z3.budget.q1YCAA', { kind: 'share', tool: 'budget' }],
    // an in-page anchor, a heading id, an unknown letter, nothing
    ['c3-3-4', null],
    ['x1.budget.e30', null],
    ['hello', null],
    ['v1.Bonus.x', null],
    ['', null],
  ])('%s', (fragment, expected) => {
    expect(linkFragmentInfo(fragment)).toEqual(expected);
  });

  it('filters by kind and tool', () => {
    expect(isLinkFragment('r1.self-review.x', 'reply', 'self-review')).toBe(true);
    expect(isLinkFragment('r1.self-review.x', 'share')).toBe(false);
    expect(isLinkFragment('z1.bonus.x', 'share', 'budget-request')).toBe(false);
    expect(isLinkFragment('c1-1')).toBe(false);
  });
});

describe('parseLinkFragment', () => {
  it.each([
    ['v1.bonus.e30', { letter: 'v', version: 1, tool: 'bonus', payload: 'e30' }],
    ['  #r12.budget-request.q1Y_-A\n', { letter: 'r', version: 12, tool: 'budget-request', payload: 'q1Y_-A' }],
    ['z1.bonus.', { letter: 'z', version: 1, tool: 'bonus', payload: '' }], // empty: the decoder calls it damaged
    ['v1.bonus.e30 谢谢', null], // a whole fragment only
    ['v1.bonus.e3=', null], // padding is not base64url
    ['vX.bonus.e30', null],
    ['v1.bonus', null],
  ])('%j', (fragment, parts) => {
    expect(parseLinkFragment(fragment)).toEqual(parts);
  });
});

describe('linkFragmentIn', () => {
  it.each([
    ['https://example.org/tools/self-review/#z1.self-review.abc', 'z1.self-review.abc'], // a whole address
    ['  #v1.self-review.abc  ', 'v1.self-review.abc'],
    ['v1.self-review.abc', 'v1.self-review.abc'], // the fragment itself
    ['\uFEFFr1.onboarding.abc', 'r1.onboarding.abc'],
    ['https://example.org/tools/onboarding/#r1.onboarding.a-b_c 谢谢经理', 'r1.onboarding.a-b_c'], // words after
    ['请看：https://example.org/tools/onboarding/#r1.onboarding.abc谢谢', 'r1.onboarding.abc'], // words around
    ['not a link', 'not a link'], // left for the decoder to refuse
    ['https://example.org/#c3-3-4', 'c3-3-4'],
  ])('%j → %j', (text, fragment) => {
    expect(linkFragmentIn(text)).toBe(fragment);
  });
});
