// Unit tests of double formatting against C's printf("%.17g") itself: a tiny C program compiled with the
// system's gcc prints the reference for the same bit patterns (skipped, with its reason, where gcc is missing).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDouble, formatG } from './double.js';

const C_SOURCE = `
#include <stdio.h>
#include <stdint.h>
#include <string.h>
int main(void) {
  unsigned long long bits;
  int precision;
  while (scanf("%llx %d", &bits, &precision) == 2) {
    double d;
    memcpy(&d, &bits, sizeof d);
    printf("%.*g\\n", precision, d);
  }
  return 0;
}
`;

function bitsOf(x: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return b.readBigUInt64LE().toString(16);
}

function randomDouble(seed: number): number {
  // A deterministic spread over every exponent and mantissa: xorshift bits reinterpreted as a double.
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn;
  s ^= s << 13n & 0xffffffffffffffffn;
  s ^= s >> 7n;
  s ^= s << 17n & 0xffffffffffffffffn;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(s & 0xffffffffffffffffn);
  return b.readDoubleLE();
}

const EDGES = [
  0, -0, 1, -1, 0.1, 0.5, 1 / 3, 2 / 3, 10, 100, 123456789, 1e15, 1e16, 1e17, 1e18, 1e21, 1e22, 1e23, 1e-4, 1e-5,
  9.9999999999999995e-5, 0.0001, 0.00012345, 1.5e-7, 1e300, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64,
  3.14159, 99999999999999999, 12345678901234567890, 0.30000000000000004, 4.35, 2.675, 1.005, 1e-7, 123.456e-10,
];

/** Doubles whose exact value lies halfway between two 17-digit decimals: printf rounds those half to even. */
const TIES = [1000000000000000.25, 1000000000000000.75, 2000000000000000.25, 4503599627370495.5, 1125899906842624.125];

describe('formatDouble', () => {
  let dir = '';
  let reference: ((inputs: [number, number][]) => string[]) | null = null;

  before(function () {
    if (spawnSync('gcc', ['--version']).status !== 0) return;
    dir = mkdtempSync(join(tmpdir(), 'faha-printf-'));
    writeFileSync(join(dir, 'g.c'), C_SOURCE);
    const cc = spawnSync('gcc', ['-O1', '-o', join(dir, 'g'), join(dir, 'g.c')]);
    if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
    reference = (inputs) => {
      const out = spawnSync(join(dir, 'g'), { input: inputs.map(([x, p]) => `${bitsOf(x)} ${p}`).join('\n') + '\n' });
      return out.stdout.toString().trimEnd().split('\n');
    };
  });

  after(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  function compare(values: number[], precision: number): void {
    const want = reference!(values.map((x) => [x, precision]));
    values.forEach((x, i) => expect(formatG(x, precision), `${x} (bits ${bitsOf(x)}) at %.${precision}g`).to.equal(want[i]));
  }

  it('prints the edge values exactly as printf %.17g does', function () {
    if (reference === null) this.skip(); // gcc is not installed: no reference printf to compare with
    compare(EDGES.flatMap((x) => [x, -x]), 17);
  });

  it('prints 20000 doubles spread over every exponent exactly as printf %.17g does', function () {
    if (reference === null) this.skip(); // gcc is not installed
    const values: number[] = [];
    for (let i = 1; values.length < 20000; i++) {
      const x = randomDouble(i);
      if (Number.isFinite(x)) values.push(x);
    }
    compare(values, 17);
  });

  it('prints ordinary decimals (prices, ratios, small integers) exactly as printf %.17g does', function () {
    if (reference === null) this.skip(); // gcc is not installed
    const values: number[] = [];
    for (let i = 0; i < 3000; i++) values.push(i / 100, i / 7, i * 1.1, (i - 1500) * 1e-9, i * 1e13);
    compare(values, 17);
  });

  it('prints at other precisions as printf %.Ng does', function () {
    if (reference === null) this.skip(); // gcc is not installed
    for (const p of [1, 2, 6, 10, 15, 16]) compare(EDGES, p);
  });

  it('rounds values exactly halfway between two 17-digit decimals to even, as printf does', function () {
    if (reference === null) this.skip(); // gcc is not installed
    compare(TIES.flatMap((x) => [x, -x]), 17);
  });

  it('prints infinities as Redis does, inf and -inf', () => {
    expect(formatDouble(Infinity)).to.equal('inf');
    expect(formatDouble(-Infinity)).to.equal('-inf');
  });
});
