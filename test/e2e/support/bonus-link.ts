// A 奖金估算 share link (base 2000, score 95) for the tests that open one.
import { plainShareLink } from '../../unit/helpers/plain-share-link';

export function bonusShareFragment(): string {
  return plainShareLink('bonus', 1, {
    baseMode: 'direct',
    base: '2000',
    salary: '',
    ratio: '10',
    scoreMode: 'typed',
    score: '95',
    source: '',
    sourceLabel: '',
  });
}
