import { expect } from 'chai';
import { registerCollectionCodec } from '../engine/collections.js';
import { crc64Into, decodeDump, encodeCollectionDump, encodeDump, FAHA_DUMP_VERSION, verifyDump } from './dump-payload.js';
import { ValueType } from './types.js';

/** A codec for a test-only type: an array of byte strings, its image their concatenation with u8 lengths. */
const TEST_TYPE = 250 as ValueType;
registerCollectionCodec(TEST_TYPE, {
  create: () => [] as Buffer[],
  applyDelta: () => {},
  decodeImage: (p) => {
    const out: Buffer[] = [];
    for (let i = 0; i < p.length; i += 1 + p[i]) {
      if (i + 1 + p[i] > p.length) throw new Error('truncated');
      out.push(Buffer.from(p.subarray(i + 1, i + 1 + p[i])));
    }
    return out;
  },
  encodeImage: (o) => Buffer.concat((o as Buffer[]).flatMap((b) => [Buffer.from([b.length]), b])),
});

describe('DUMP payloads', () => {
  it('checksums with Redis\'s CRC64 (the check value of "123456789" is 0xe9c6d914c4b8d9ca)', () => {
    const out = Buffer.alloc(8);
    crc64Into(Buffer.from('123456789'), out, 0);
    expect(out.readBigUInt64LE(0)).to.equal(0xe9c6d914c4b8d9can);
  });

  it('computes the same trailer CRC as a payload Redis 7.0 produced for the string "v"', () => {
    const redis = Buffer.from('000176' + '0a00' + '9108ceb219388ace', 'hex');
    const out = Buffer.alloc(8);
    crc64Into(redis.subarray(0, 5), out, 0);
    expect(out.toString('hex')).to.equal('9108ceb219388ace');
  });

  it('round-trips a string, byte for byte', () => {
    const value = Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a]);
    const p = encodeDump(ValueType.String, value);
    expect(p[0]).to.equal(ValueType.String);
    expect(p.readUInt16LE(p.length - 10)).to.equal(FAHA_DUMP_VERSION);
    expect(verifyDump(p)).to.equal(true);
    expect(decodeDump(p)).to.deep.equal({ kind: 'string', bytes: value });
  });

  it('round-trips the empty string', () => {
    const p = encodeDump(ValueType.String, Buffer.alloc(0));
    expect(verifyDump(p)).to.equal(true);
    expect(decodeDump(p)).to.deep.equal({ kind: 'string', bytes: Buffer.alloc(0) });
  });

  it('round-trips a collection through its codec image', () => {
    const obj = [Buffer.from('a'), Buffer.from('bc'), Buffer.alloc(0)];
    const p = encodeCollectionDump(TEST_TYPE, obj);
    expect(verifyDump(p)).to.equal(true);
    const d = decodeDump(p);
    expect(d).to.deep.equal({ kind: 'collection', type: TEST_TYPE, obj });
  });

  it('refuses a payload shorter than its trailer, a flipped bit, and another version', () => {
    const p = encodeDump(ValueType.String, Buffer.from('hello'));
    expect(verifyDump(p.subarray(0, 9))).to.equal(false);
    for (let i = 0; i < p.length; i++) {
      const q = Buffer.from(p);
      q[i] ^= 0x10;
      expect(verifyDump(q), `bit flipped in byte ${i}`).to.equal(false);
    }
    const other = Buffer.from(p);
    other.writeUInt16LE(10, other.length - 10);
    crc64Into(other.subarray(0, other.length - 8), other, other.length - 8);
    expect(verifyDump(other)).to.equal(false);
  });

  it('refuses a Redis 7.0 payload (its version is an RDB version)', () => {
    expect(verifyDump(Buffer.from('0001760a009108ceb219388ace', 'hex'))).to.equal(false);
  });

  it('decodes to null a type without codec and a body its codec cannot read', () => {
    expect(decodeDump(encodeDump(251 as ValueType, Buffer.from('x')))).to.equal(null);
    expect(decodeDump(encodeDump(TEST_TYPE, Buffer.from([5, 1])))).to.equal(null);
  });
});
