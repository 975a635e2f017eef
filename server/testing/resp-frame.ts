// Test support: finds where one complete RESP2/RESP3 reply ends in a byte buffer, and decodes replies into plain
// values for assertions. Used by the raw client and the differential harness; never by the server.

/** End offset (exclusive) of the reply starting at `pos`, or -1 if the buffer does not hold all of it yet. */
export function replyEnd(buf: Buffer, pos: number): number {
  if (pos >= buf.length) return -1;
  const nl = buf.indexOf('\r\n', pos + 1, 'latin1');
  if (nl < 0) return -1;
  const type = String.fromCharCode(buf[pos]);
  const line = buf.toString('latin1', pos + 1, nl);
  const after = nl + 2;
  switch (type) {
    case '+':
    case '-':
    case ':':
    case '_':
    case '#':
    case ',':
    case '(':
      return after;
    case '$':
    case '!':
    case '=': {
      const n = Number(line);
      if (n < 0) return after;
      return buf.length >= after + n + 2 ? after + n + 2 : -1;
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      let n = Number(line);
      if (n < 0) return after;
      if (type === '%' || type === '|') n *= 2;
      let p = after;
      for (let i = 0; i < n; i++) {
        p = replyEnd(buf, p);
        if (p < 0) return -1;
      }
      // An attribute is followed by the reply it annotates.
      return type === '|' ? replyEnd(buf, p) : p;
    }
    default:
      throw new Error(`not a RESP reply: type byte ${JSON.stringify(type)} at ${pos}`);
  }
}

export type Decoded = null | string | number | bigint | boolean | Buffer | Error | Decoded[] | Map<Decoded, Decoded> | Set<Decoded> | { push: Decoded[] };

/** Decodes one reply: bulks to strings (utf8), errors to Error, maps to Map, RESP3 null/_ and nil bulk to null. */
export function decodeReply(buf: Buffer, pos = 0): { value: Decoded; end: number } {
  const nl = buf.indexOf('\r\n', pos + 1, 'latin1');
  const type = String.fromCharCode(buf[pos]);
  const line = buf.toString('utf8', pos + 1, nl);
  const after = nl + 2;
  switch (type) {
    case '+':
      return { value: line, end: after };
    case '-':
      return { value: new Error(line), end: after };
    case ':':
      return { value: Number(line), end: after };
    case '(':
      return { value: BigInt(line), end: after };
    case ',':
      return { value: line === 'inf' ? Infinity : line === '-inf' ? -Infinity : Number(line), end: after };
    case '_':
      return { value: null, end: after };
    case '#':
      return { value: line === 't', end: after };
    case '$':
    case '!':
    case '=': {
      const n = Number(line);
      if (n < 0) return { value: null, end: after };
      return { value: buf.toString('utf8', after, after + n), end: after + n + 2 };
    }
    case '*':
    case '~':
    case '>': {
      const n = Number(line);
      if (n < 0) return { value: null, end: after };
      const items: Decoded[] = [];
      let p = after;
      for (let i = 0; i < n; i++) {
        const r = decodeReply(buf, p);
        items.push(r.value);
        p = r.end;
      }
      if (type === '~') return { value: new Set(items), end: p };
      if (type === '>') return { value: { push: items }, end: p };
      return { value: items, end: p };
    }
    case '%': {
      const n = Number(line);
      const m = new Map<Decoded, Decoded>();
      let p = after;
      for (let i = 0; i < n; i++) {
        const k = decodeReply(buf, p);
        const v = decodeReply(buf, k.end);
        m.set(k.value, v.value);
        p = v.end;
      }
      return { value: m, end: p };
    }
    default:
      throw new Error(`cannot decode RESP type ${JSON.stringify(type)}`);
  }
}

/** Encodes a command as a RESP multibulk request. */
export function encodeCommand(args: (string | Buffer | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}
