import { describe, expect, it } from 'vitest';
import { isLinkFragment, linkFragmentInfo } from '../../../src/core/link-fragment';

describe('linkFragmentInfo', () => {
  it.each([
    // share, plain and compressed
    ['v1.bonus.eyJ', { kind: 'share', tool: 'bonus' }],
    ['#z2.self-review.abc', { kind: 'share', tool: 'self-review' }],
    // replies
    ['r1.budget-request.xyz', { kind: 'reply', tool: 'budget-request' }],
    ['q1.onboarding.xyz', { kind: 'reply', tool: 'onboarding' }],
    // an in-page anchor, a heading id, nothing
    ['c3-3-4', null],
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
