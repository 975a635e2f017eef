// The line MONITOR clients receive for each command, in Redis's format:
// +<unix seconds>.<micros> [<db> <addr>] "arg" "arg" …  (arguments escaped like sdscatrepr). Formatting only:
// secrets are already replaced by "(redacted)" in argv by the handlers (connection/redact.ts), as in Redis.
import type { Session } from './types.js';

export function formatMonitorLine(ms: number, s: Session, argv: Buffer[]): string {
  const secs = Math.floor(ms / 1000);
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  let line = `${secs}.${micros} [${s.db} ${s.addr}]`;
  for (const a of argv) line += ' ' + repr(a);
  return line;
}

/** sdscatrepr: printable bytes as is, \\ \" \n \r \t \a \b escaped, the rest as \xHH. */
export function repr(b: Buffer): string {
  let out = '"';
  for (const c of b) {
    switch (c) {
      case 0x5c: out += '\\\\'; break;
      case 0x22: out += '\\"'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x07: out += '\\a'; break;
      case 0x08: out += '\\b'; break;
      default:
        out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}
