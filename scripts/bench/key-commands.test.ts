// Tests of the benchmarks' pre-encoded commands: every template, patched for a key (and field), is byte-identical
// to the RESP array of the command's arguments, alone and batched back to back.
import { expect } from 'chai';
import {
  fieldName, fieldNameBytes, getTemplate, hgetCommand, hsetAllTemplate, hsetCommand, keyName, put, setTemplate, stringCommand,
} from './key-commands.js';

/** The plain encoding the templates must reproduce. */
function resp(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

const KEYS = [0, 7, 42, 999_999, 123_456_789_012, 999_999_999_999];
const FIELDS = [0, 9, 10, 99, 100, 1234];
const v = (n: number) => 'v'.repeat(n);

describe('benchmark command templates', () => {
  it('SET and GET templates encode the key and value for any key of twelve digits', () => {
    for (const k of KEYS) {
      const buf = Buffer.alloc(200);
      const end = put(buf, 0, setTemplate(5), k);
      expect(buf.toString('latin1', 0, end)).to.equal(resp(['SET', keyName(k), v(5)]));
      expect(buf.toString('latin1', 0, put(buf, 0, getTemplate(), k))).to.equal(resp(['GET', keyName(k)]));
    }
  });

  it('the whole-hash HSET names every field f0..f{F-1} with its value', () => {
    const buf = Buffer.alloc(1000);
    const end = put(buf, 0, hsetAllTemplate(12, 3), 31);
    const args = ['HSET', keyName(31), ...Array.from({ length: 12 }, (_, j) => [fieldName(j), v(3)]).flat()];
    expect(buf.toString('latin1', 0, end)).to.equal(resp(args));
  });

  it('HGET and HSET encode the key and every field width, for fields of one to four digits', () => {
    const hget = hgetCommand(2000);
    const hset = hsetCommand(2000, 4);
    for (const k of KEYS) {
      for (const j of FIELDS) {
        const buf = Buffer.alloc(hset.maxBytes);
        expect(buf.toString('latin1', 0, hget.put(buf, 0, k, j)), `HGET ${k} ${j}`).to.equal(resp(['HGET', keyName(k), `f${j}`]));
        expect(buf.toString('latin1', 0, hset.put(buf, 0, k, j)), `HSET ${k} ${j}`).to.equal(resp(['HSET', keyName(k), `f${j}`, v(4)]));
      }
    }
  });

  it('commands batched back to back in one buffer of n times the longest encoding are the concatenation', () => {
    const cmds = [hgetCommand(150), hsetCommand(150, 2), stringCommand('GET', getTemplate()), stringCommand('SET', setTemplate(2))];
    const longest = Math.max(...cmds.map((c) => c.maxBytes));
    const buf = Buffer.alloc(FIELDS.length * longest);
    let at = 0;
    let expected = '';
    FIELDS.forEach((j, i) => {
      const c = cmds[i % cmds.length];
      const field = j % 150;
      at = c.put(buf, at, KEYS[i], field);
      const args = c.name.startsWith('H') ? [c.name, keyName(KEYS[i]), `f${field}`] : [c.name, keyName(KEYS[i])];
      if (c.name.endsWith('SET')) args.push(v(2));
      expected += resp(args);
    });
    expect(buf.toString('latin1', 0, at)).to.equal(expected);
  });

  it('the longest HGET/HSET is the one with the widest field', () => {
    const buf = Buffer.alloc(100);
    expect(hgetCommand(10).maxBytes).to.equal(hgetCommand(10).put(buf, 0, 1, 9));
    expect(hgetCommand(11).maxBytes).to.equal(hgetCommand(11).put(buf, 0, 1, 10));
  });

  it('field name bytes add up the names f0..f{F-1}', () => {
    for (const f of [1, 10, 11, 100, 1001]) {
      const names = Array.from({ length: f }, (_, j) => fieldName(j)).join('');
      expect(fieldNameBytes(f), `${f} fields`).to.equal(names.length);
    }
  });
});
