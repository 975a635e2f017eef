// Pre-encoded SET and GET commands on redis-benchmark's key:%012d keys: a template per command with a slot for the
// key's digits, copied into a batch buffer and patched in place. Encoding only: no sockets.

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

/** SET key:<digits> <valueSize bytes>; the value is printable filler, its content irrelevant to both servers. */
export function setTemplate(valueSize: number): CommandTemplate {
  return template(`*3\r\n$3\r\nSET\r\n$${KEY_BYTES}\r\nkey:`, `\r\n$${valueSize}\r\n${'v'.repeat(valueSize)}\r\n`);
}

export function getTemplate(): CommandTemplate {
  return template(`*2\r\n$3\r\nGET\r\n$${KEY_BYTES}\r\nkey:`, '\r\n');
}

/** Writes `key` as twelve decimal digits at `at`. */
export function writeDigits(buf: Buffer, at: number, key: number): void {
  let n = key;
  for (let i = KEY_DIGITS - 1; i >= 0; i--) {
    const q = Math.floor(n / 10);
    buf[at + i] = 48 + (n - q * 10);
    n = q;
  }
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
