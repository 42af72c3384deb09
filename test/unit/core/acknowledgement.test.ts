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

describe('acknowledgementSchema', () => {
  it('accepts what recordAcknowledgement stores and rejects anything else', () => {
    expect(v.safeParse(acknowledgementSchema, signed('1.0', { 'c1-1': 'abc' })).success).toBe(true);
    expect(v.safeParse(acknowledgementSchema, { version: 'x', signedAt: '', clauses: {} }).success).toBe(false);
    expect(v.safeParse(acknowledgementSchema, { version: '1.0', signedAt: '', clauses: { a: 1 } }).success).toBe(false);
  });
});
