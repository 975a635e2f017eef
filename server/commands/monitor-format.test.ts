// MONITOR lines: time, database, client address and sdscatrepr-escaped arguments.
import { expect } from 'chai';
import type { Session } from './types.js';
import { sdsRepr as repr } from '../resp/repr.js';
import { formatMonitorLine } from './monitor-format.js';

describe('MONITOR line format', () => {
  it('prints seconds and microseconds, the database and the address, then the quoted arguments', () => {
    const s = { db: 3, addr: '127.0.0.1:5555' } as Session;
    expect(formatMonitorLine(1_700_000_000_042, s, [Buffer.from('SET'), Buffer.from('k'), Buffer.from('')])).to.equal(
      '1700000000.042000 [3 127.0.0.1:5555] "SET" "k" ""',
    );
  });

  it('escapes like sdscatrepr: quotes, backslashes, control characters and non-printable bytes', () => {
    expect(repr(Buffer.from('a"b\\c\n\r\t\x07\x08', 'latin1'))).to.equal('"a\\"b\\\\c\\n\\r\\t\\a\\b"');
    expect(repr(Buffer.from([0x00, 0x1f, 0x7f, 0x80, 0xff, 0x20, 0x7e]))).to.equal('"\\x00\\x1f\\x7f\\x80\\xff ~"');
  });
});
