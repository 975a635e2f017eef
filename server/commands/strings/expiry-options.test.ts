import { expect } from 'chai';
import { beginCommand, endCommand, now, resetClock, shiftClock } from '../../clock.js';
import { ErrorReply } from '../types.js';
import { Opt, parseExpire, parseExtendedOptions, resolveDeadline } from './expiry-options.js';

const argv = (...a: string[]) => a.map((s) => Buffer.from(s, 'latin1'));

describe('strings: SET / GETEX option grammar', () => {
  afterEach(() => resetClock());

  it('collects flags in any order and case, the last expiry value winning', () => {
    const r = parseExtendedOptions(argv('set', 'k', 'v', 'nx', 'Get', 'EX', '5', 'ex', '6'), 3, true);
    expect(r).to.not.be.instanceOf(ErrorReply);
    const o = r as Exclude<typeof r, ErrorReply>;
    expect(o.flags).to.equal(Opt.NX | Opt.Get | Opt.EX);
    expect(o.expireArg!.toString()).to.equal('6');
  });

  it('refuses conflicts, options of the other command and a missing value', () => {
    const bad: [string[], boolean][] = [
      [['NX', 'XX'], true], [['EX', '1', 'PX', '1'], true], [['KEEPTTL', 'EXAT', '1'], true], [['PERSIST'], true],
      [['GET'], false], [['KEEPTTL'], false], [['PERSIST', 'PX', '1'], false], [['EX'], false], [['exatt', '1'], true],
    ];
    for (const [opts, forSet] of bad) {
      expect(parseExtendedOptions(argv('x', 'k', 'v', ...opts), 3, forSet), opts.join(' ')).to.be.instanceOf(ErrorReply);
    }
  });

  it('reads an option word only up to a NUL byte, as Redis compares C strings', () => {
    const r = parseExtendedOptions([Buffer.from('set'), Buffer.from('k'), Buffer.from('v'), Buffer.from('xx\0yz')], 3, true);
    expect((r as { flags: number }).flags).to.equal(Opt.XX);
  });

  it('checks expiry values: integer, positive, seconds that fit in milliseconds', () => {
    expect(parseExpire(Buffer.from('abc'), Opt.EX, 'set')).to.deep.equal(new ErrorReply('ERR value is not an integer or out of range'));
    expect(parseExpire(Buffer.from('0'), Opt.PX, 'getex')).to.deep.equal(new ErrorReply("ERR invalid expire time in 'getex' command"));
    expect(parseExpire(Buffer.from('9223372036854776'), Opt.EXAT, 'set')).to.be.instanceOf(ErrorReply);
    expect(parseExpire(Buffer.from('9223372036854775'), Opt.EXAT, 'set')).to.deep.equal({ ms: 9223372036854775000n, relative: false });
    expect(parseExpire(Buffer.from('5'), Opt.EX, 'set')).to.deep.equal({ ms: 5000n, relative: true });
  });

  it('anchors relative deadlines at the current time and refuses 64-bit overflow', () => {
    shiftClock(1000);
    beginCommand();
    expect(resolveDeadline({ ms: 5000n, relative: true }, 'set')).to.equal(now() + 5000);
    endCommand();
    expect(resolveDeadline({ ms: 7n, relative: false }, 'set')).to.equal(7);
    expect(resolveDeadline({ ms: 9223372036854775000n, relative: true }, 'psetex')).to.deep.equal(new ErrorReply("ERR invalid expire time in 'psetex' command"));
  });
});
