import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ackStatus, acknowledgementSchema, type Acknowledgement } from '../../../src/core/acknowledgement';

const signed = (version: string, clauses: Record<string, string>): Acknowledgement => ({
  version,
  clauses,
  signedAt: '2026-03-01T08:00:00.000Z',
});

describe('ackStatus', () => {
  const current = { version: '1.1', clauses: { 'c6-1-1': 'b', 'c6-2-2': 'n', 'c6-2-3': 'x' } };

  it.each([
    // never signed in this browser
    ['unsigned', null, { kind: 'unsigned' }],
    // signed this very version
    ['current', signed('1.1', { 'c6-1-1': 'b', 'c6-2-2': 'n', 'c6-2-3': 'x' }), { kind: 'current' }],
    // signed 1.0: one clause changed, one added, one removed
    [
      'outdated',
      signed('1.0', { 'c6-1-1': 'a', 'c6-1-3': 'r', 'c6-2-3': 'x' }),
      { kind: 'outdated', version: '1.0', changed: ['c6-1-1', 'c6-1-3', 'c6-2-2'] },
    ],
  ] as const)('%s', (_name, ack, expected) => {
    expect(ackStatus(ack, current)).toEqual(expected);
  });
});

describe('ackStatus after editorial releases', () => {
  // The site is at 1.1.1 (editorial); 1.1 was substantive and changed 六（一）1 and added 六（二）2;
  // 1.0.1 and 1.1.1 were editorial. `since` lists, per published version, what a signer of it must read.
  const current = {
    version: '1.1.1',
    clauses: { 'c1-3-1': 'e', 'c6-1-1': 'b', 'c6-2-2': 'n' },
    since: { '1.0': ['c6-1-1', 'c6-2-2'], '1.0.1': ['c6-1-1', 'c6-2-2'], '1.1': [] },
  };

  it.each([
    // signed 1.1: only the editorial 1.1.1 since, though 一（三）1's hash differs
    ['1.1', signed('1.1', { 'c1-3-1': 'd', 'c6-1-1': 'b', 'c6-2-2': 'n' }), { kind: 'current' }],
    // signed 1.0: the substantive changes of 1.1 only, not the editorial 一（三）1
    [
      '1.0',
      signed('1.0', { 'c1-3-1': 'a', 'c6-1-1': 'a' }),
      { kind: 'outdated', version: '1.0', changed: ['c6-1-1', 'c6-2-2'] },
    ],
    // signed 1.0.1: the same
    [
      '1.0.1',
      signed('1.0.1', { 'c1-3-1': 'e', 'c6-1-1': 'a' }),
      { kind: 'outdated', version: '1.0.1', changed: ['c6-1-1', 'c6-2-2'] },
    ],
    // a version the site never published: every clause whose hash differs
    [
      '0.9',
      signed('0.9', { 'c1-3-1': 'x', 'c6-1-1': 'b', 'c6-2-2': 'n' }),
      { kind: 'outdated', version: '0.9', changed: ['c1-3-1'] },
    ],
    // the same version number with another text (edited without a release): by hash, as before
    [
      '1.1.1 other text',
      signed('1.1.1', { 'c1-3-1': 'e', 'c6-1-1': 'z', 'c6-2-2': 'n' }),
      { kind: 'outdated', version: '1.1.1', changed: ['c6-1-1'] },
    ],
  ] as const)('signed %s', (_name, ack, expected) => {
    expect(ackStatus(ack, current)).toEqual(expected);
  });
});

describe('acknowledgementSchema', () => {
  it('accepts what recordAcknowledgement stores and rejects anything else', () => {
    expect(v.safeParse(acknowledgementSchema, signed('1.0', { 'c1-1': 'abc' })).success).toBe(true);
    expect(v.safeParse(acknowledgementSchema, { version: 'x', signedAt: '', clauses: {} }).success).toBe(false);
    expect(v.safeParse(acknowledgementSchema, { version: '1.0', signedAt: '', clauses: { a: 1 } }).success).toBe(false);
  });
});
