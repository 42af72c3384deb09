// A 奖金估算 share link (base 2000, score 95) for the tests that open one.
import { encodeShare } from '../../../src/core/share-link';

export function bonusShareFragment(): string {
  const link = encodeShare('bonus', 1, {
    baseMode: 'direct',
    base: '2000',
    salary: '',
    ratio: '10',
    scoreMode: 'typed',
    score: '95',
    source: '',
    sourceLabel: '',
  });
  if (!link.ok) throw new Error(link.error);
  return link.fragment;
}
