import { expect } from 'chai';
import { addLongDouble, formatLongDouble, isFiniteLongDouble, parseLongDouble, type LongDouble } from './native.js';

const ld = (s: string): LongDouble => parseLongDouble(Buffer.from(s))!;

describe('platform: the native addon (long double)', () => {
  it('adds in long double, so 0.1 + 0.2 prints as 0.3 where a double gives 0.30000000000000004', () => {
    expect(0.1 + 0.2).to.not.equal(0.3);
    expect(formatLongDouble(addLongDouble(ld('0.1'), ld('0.2')), 'human')).to.equal('0.3');
  });

  it('prints human form without trailing zeros and auto form as %.17Lg', () => {
    expect(formatLongDouble(ld('3.0'), 'human')).to.equal('3');
    expect(formatLongDouble(ld('1.5e3'), 'human')).to.equal('1500');
    expect(formatLongDouble(ld('-0.0'), 'human')).to.equal('0');
    expect(formatLongDouble(ld('1e-30'), 'human')).to.equal('0');
    expect(formatLongDouble(ld('1e20'), 'auto')).to.equal('1e+20');
    expect(formatLongDouble(ld('0.1'), 'auto')).to.equal('0.1');
  });

  it('reports infinities as not finite and prints them as inf', () => {
    const inf = ld('inf');
    expect(isFiniteLongDouble(inf)).to.equal(false);
    expect(isFiniteLongDouble(ld('1e4932'))).to.equal(true);
    expect(isFiniteLongDouble(addLongDouble(ld('1e4932'), ld('1e4932')))).to.equal(false);
    expect(formatLongDouble(addLongDouble(ld('-inf'), ld('1')), 'human')).to.equal('-inf');
  });

  it('refuses inputs of 5120 bytes or more, like MAX_LONG_DOUBLE_CHARS', () => {
    expect(parseLongDouble(Buffer.from('0'.repeat(5119)))).to.not.equal(null);
    expect(parseLongDouble(Buffer.from('0'.repeat(5120)))).to.equal(null);
  });

  it('throws a TypeError for arguments that are not long double values', () => {
    expect(() => addLongDouble(Buffer.alloc(3) as LongDouble, ld('1'))).to.throw(TypeError);
    expect(() => parseLongDouble('1' as unknown as Uint8Array)).to.throw(TypeError);
  });
});
