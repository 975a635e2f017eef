// The line MONITOR clients receive for each command, in Redis's format:
// +<unix seconds>.<micros> [<db> <addr>] "arg" "arg" …  (arguments escaped like sdscatrepr). Formatting only:
// secrets are already replaced by "(redacted)" in argv by the handlers (connection/redact.ts), as in Redis.
import { sdsRepr } from '../resp/repr.js';
import type { Session } from './types.js';

export function formatMonitorLine(ms: number, s: Session, argv: Buffer[]): string {
  const secs = Math.floor(ms / 1000);
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  let line = `${secs}.${micros} [${s.db} ${s.addr}]`;
  for (const a of argv) line += ' ' + sdsRepr(a);
  return line;
}
