// Splits an inline request line ("SET k 'a b'" typed in telnet) into arguments exactly as Redis's
// sdssplitargs does, quotes and escapes included. Pure byte work: knows no commands and no limits.

/** C isspace() in the C locale (Redis never sets LC_CTYPE): space, \t \n \v \f \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** The byte a backslash escape inside double quotes stands for ("\n" → LF; unknown escapes are the byte itself). */
function unescape(e: number): number {
  switch (e) {
    case 0x6e: return 0x0a; // n
    case 0x72: return 0x0d; // r
    case 0x74: return 0x09; // t
    case 0x62: return 0x08; // b
    case 0x61: return 0x07; // a
    default: return e;
  }
}

/** Where one token ends: the index after it, and its bytes; null on unbalanced quotes. */
interface Token {
  bytes: number[];
  next: number;
}

function readToken(line: Buffer, start: number): Token | null {
  const n = line.length;
  // Past the end reads as C's terminating NUL.
  const at = (i: number) => (i < n ? line[i] : 0);
  const bytes: number[] = [];
  let p = start;
  let inq = false;
  let insq = false;
  for (;;) {
    const c = at(p);
    if (inq) {
      if (c === 0x5c && at(p + 1) === 0x78 && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
        bytes.push(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
        p += 3;
      } else if (c === 0x5c && p + 1 < n) {
        bytes.push(unescape(line[++p]));
      } else if (c === 0x22) {
        // A closing quote must be followed by a space or the end of the line.
        if (p + 1 < n && !isSpace(line[p + 1])) return null;
        return { bytes, next: p + 1 };
      } else if (p >= n) {
        return null;
      } else {
        bytes.push(c);
      }
    } else if (insq) {
      if (c === 0x5c && at(p + 1) === 0x27) {
        bytes.push(0x27);
        p++;
      } else if (c === 0x27) {
        if (p + 1 < n && !isSpace(line[p + 1])) return null;
        return { bytes, next: p + 1 };
      } else if (p >= n) {
        return null;
      } else {
        bytes.push(c);
      }
    } else if (p >= n || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      // Only these end an unquoted token: \v and \f do not, although they count as blanks between tokens.
      return { bytes, next: p < n ? p + 1 : p };
    } else if (c === 0x22) {
      inq = true;
    } else if (c === 0x27) {
      insq = true;
    } else {
      bytes.push(c);
    }
    p++;
  }
}

/** `line` excludes the line terminator. Returns the arguments, or null on unbalanced quotes. */
export function splitInlineArgs(line: Buffer): Buffer[] | null {
  // sdssplitargs reads a C string: whatever follows a NUL does not exist for it.
  const z = line.indexOf(0);
  if (z >= 0) line = line.subarray(0, z);
  const n = line.length;
  const args: Buffer[] = [];
  let p = 0;
  for (;;) {
    while (p < n && isSpace(line[p])) p++;
    if (p >= n) return args;
    const t = readToken(line, p);
    if (t === null) return null;
    args.push(Buffer.from(t.bytes));
    p = t.next;
  }
}
