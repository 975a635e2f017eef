// Pre-encoded SET/GET and HSET/HGET commands on redis-benchmark's key:%012d keys (hash fields f0..f{F-1}): a template
// per command with slots for the key's (and field's) digits, copied into a batch buffer and patched in place.
// Encoding only: no sockets.

export const KEY_DIGITS = 12;
/** Bytes of one key name ("key:" and twelve digits). */
export const KEY_BYTES = 4 + KEY_DIGITS;

export interface CommandTemplate {
  bytes: Buffer;
  /** Offset of the first key digit in `bytes`. */
  digitsAt: number;
}

function template(head: string, tail: string): CommandTemplate {
  return { bytes: Buffer.from(head + '0'.repeat(KEY_DIGITS) + tail, 'latin1'), digitsAt: head.length };
}

/** Printable filler; its content is irrelevant to both servers. */
const filler = (valueSize: number): string => 'v'.repeat(valueSize);
const bulk = (s: string): string => `$${s.length}\r\n${s}\r\n`;

/** SET key:<digits> <valueSize bytes>. */
export function setTemplate(valueSize: number): CommandTemplate {
  return template(`*3\r\n$3\r\nSET\r\n$${KEY_BYTES}\r\nkey:`, `\r\n${bulk(filler(valueSize))}`);
}

export function getTemplate(): CommandTemplate {
  return template(`*2\r\n$3\r\nGET\r\n$${KEY_BYTES}\r\nkey:`, '\r\n');
}

export function fieldName(field: number): string {
  return `f${field}`;
}

/** Bytes of the names f0..f{fields-1} together. */
export function fieldNameBytes(fields: number): number {
  let total = 0;
  for (let j = 0; j < fields; j++) total += 1 + decimalWidth(j);
  return total;
}

/** HSET key:<digits> f0 v f1 v ... f{fields-1} v: a whole hash in one command (the preload's). */
export function hsetAllTemplate(fields: number, valueSize: number): CommandTemplate {
  const v = bulk(filler(valueSize));
  const pairs = Array.from({ length: fields }, (_, j) => bulk(fieldName(j)) + v).join('');
  return template(`*${2 + 2 * fields}\r\n$4\r\nHSET\r\n$${KEY_BYTES}\r\nkey:`, `\r\n${pairs}`);
}

/** Writes `n` as `width` decimal digits at `at` (leading zeros; higher digits are dropped). */
export function writeDecimal(buf: Buffer, at: number, n: number, width: number): void {
  let rest = n;
  for (let i = width - 1; i >= 0; i--) {
    const q = Math.floor(rest / 10);
    buf[at + i] = 48 + (rest - q * 10);
    rest = q;
  }
}

/** Writes `key` as twelve decimal digits at `at`. */
export function writeDigits(buf: Buffer, at: number, key: number): void {
  writeDecimal(buf, at, key, KEY_DIGITS);
}

/** Appends the template with `key` filled in at `offset`; returns the offset after it. */
export function put(buf: Buffer, offset: number, t: CommandTemplate, key: number): number {
  t.bytes.copy(buf, offset);
  writeDigits(buf, offset + t.digitsAt, key);
  return offset + t.bytes.length;
}

export function keyName(key: number): string {
  return `key:${String(key).padStart(KEY_DIGITS, '0')}`;
}

function decimalWidth(n: number): number {
  let w = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) w++;
  return w;
}

/** One command of the load: encodes itself for a key (and a field, which string commands ignore). */
export interface KeyCommand {
  readonly name: string;
  /** The longest encoding: a batch of n commands fits in n times this. */
  readonly maxBytes: number;
  /** Appends the command at `offset`; returns the offset after it. */
  put(buf: Buffer, offset: number, key: number, field: number): number;
}

/** GET or SET on the template's key slot. */
export function stringCommand(name: string, t: CommandTemplate): KeyCommand {
  return { name, maxBytes: t.bytes.length, put: (buf, offset, key) => put(buf, offset, t, key) };
}

interface FieldTemplate extends CommandTemplate {
  /** Offset of the field's first digit (after its "f"). */
  fieldAt: number;
  width: number;
}

/** HGET/HSET key:<digits> f<j> [value]: one template per decimal width of j, both numbers patched in place. */
class FieldCommand implements KeyCommand {
  readonly maxBytes: number;
  /** Indexed by the width of j. */
  private readonly byWidth: FieldTemplate[] = [];

  constructor(readonly name: string, fields: number, tail: string) {
    const widest = decimalWidth(fields - 1);
    for (let width = 1; width <= widest; width++) {
      const head = `*${tail === '' ? 3 : 4}\r\n${bulk(name)}$${KEY_BYTES}\r\nkey:`;
      const t = template(head, `\r\n$${1 + width}\r\nf${'0'.repeat(width)}\r\n${tail}`);
      this.byWidth[width] = { ...t, fieldAt: t.digitsAt + KEY_DIGITS + `\r\n$${1 + width}\r\nf`.length, width };
    }
    this.maxBytes = this.byWidth[widest].bytes.length;
  }

  put(buf: Buffer, offset: number, key: number, field: number): number {
    const t = this.byWidth[decimalWidth(field)];
    t.bytes.copy(buf, offset);
    writeDigits(buf, offset + t.digitsAt, key);
    writeDecimal(buf, offset + t.fieldAt, field, t.width);
    return offset + t.bytes.length;
  }
}

/** HGET key:<digits> f<j>, for j in [0, fields). */
export function hgetCommand(fields: number): KeyCommand {
  return new FieldCommand('HGET', fields, '');
}

/** HSET key:<digits> f<j> <valueSize bytes>, for j in [0, fields). */
export function hsetCommand(fields: number, valueSize: number): KeyCommand {
  return new FieldCommand('HSET', fields, bulk(filler(valueSize)));
}
