// Argument words and numbers as Redis's C code reads them.
import { expect } from 'chai';
import { cString, parseInt32, word } from './words.js';

describe('connection argument words', () => {
  it('word lower-cases and stops at a NUL byte, as strcasecmp sees it', () => {
    expect(word(Buffer.from('SkipMe'))).to.equal('skipme');
    expect(word(Buffer.from('yes\0junk'))).to.equal('yes');
  });

  it('cString is the text before a NUL byte', () => {
    expect(cString(Buffer.from('abc\0def'))).to.equal('abc');
    expect(cString(Buffer.from('é'))).to.equal('é');
  });

  it('parseInt32 tells a non-integer from an integer outside a C int', () => {
    expect(parseInt32(Buffer.from('15'))).to.equal(15);
    expect(parseInt32(Buffer.from('-2147483648'))).to.equal(-2147483648);
    expect(parseInt32(Buffer.from('2147483648'))).to.equal('out-of-range');
    for (const bad of ['', '01', '+1', ' 1', '1.0', '-0', 'x']) expect(parseInt32(Buffer.from(bad)), bad).to.equal('not-integer');
  });
});
