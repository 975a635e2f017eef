// Splits an inline request line ("SET k 'a b'" typed in telnet) into arguments exactly as Redis's
// sdssplitargs does, quotes and escapes included. Returns null on unbalanced quotes.

function isSpace(c: number): boolean {
  // C isspace() in the C locale.
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** `line` excludes the line terminator; its end plays the role of C's NUL. */
export function splitInlineArgs(line: Buffer): Buffer[] | null {
  const n = line.length;
  const at = (i: number) => (i < n ? line[i] : 0);
  const args: Buffer[] = [];
  let p = 0;
  for (;;) {
    while (p < n && isSpace(line[p])) p++;
    if (p >= n) return args;
    const cur: number[] = [];
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === 0x5c && at(p + 1) === 0x78 && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
          cur.push(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 3;
        } else if (c === 0x5c && p + 1 < n) {
          p++;
          const e = line[p];
          cur.push(e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x74 ? 0x09 : e === 0x62 ? 0x08 : e === 0x61 ? 0x07 : e);
        } else if (c === 0x22) {
          // A closing quote must be followed by a space or the end of the line.
          if (p + 1 < n && !isSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= n) {
          return null;
        } else {
          cur.push(c);
        }
      } else if (insq) {
        if (c === 0x5c && at(p + 1) === 0x27) {
          p++;
          cur.push(0x27);
        } else if (c === 0x27) {
          if (p + 1 < n && !isSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= n) {
          return null;
        } else {
          cur.push(c);
        }
      } else if (p >= n || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
        done = true;
      } else if (c === 0x22) {
        inq = true;
      } else if (c === 0x27) {
        insq = true;
      } else {
        cur.push(c);
      }
      if (p < n) p++;
    }
    args.push(Buffer.from(cur));
  }
}
