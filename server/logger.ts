// The server log, in Redis's line format ("<pid>:<role> 29 Nov 2026 16:22:49.123 * message") so tooling that
// reads Redis logs reads ours. Level and destination come from loglevel/logfile; the file is opened for each
// line in append mode, as Redis does, so an external log rotation just works.
import { appendFileSync } from 'node:fs';

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning';
const RANK: Record<LogLevel, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };
const MARK: Record<LogLevel, string> = { debug: '.', verbose: '-', notice: '*', warning: '#' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Redis's role letter: 'C' before the server exists (configuration), 'M' for a primary, 'S' for a backup. */
export type LogRole = 'C' | 'M' | 'S';

export function timestamp(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const ms = String(d.getMilliseconds()).padStart(3, '0');
  return `${p2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${ms}`;
}

export class Logger {
  constructor(
    public level: LogLevel = 'notice',
    public file: string = '',
    public role: LogRole = 'M',
  ) {}

  log(level: LogLevel, msg: string): void {
    if (RANK[level] < RANK[this.level]) return;
    const line = `${process.pid}:${this.role} ${timestamp(new Date())} ${MARK[level]} ${msg}\n`;
    if (this.file === '') {
      process.stdout.write(line);
      return;
    }
    try {
      appendFileSync(this.file, line);
    } catch {
      // Redis drops a line it cannot write rather than stopping the server.
    }
  }

  debug(msg: string): void {
    this.log('debug', msg);
  }
  verbose(msg: string): void {
    this.log('verbose', msg);
  }
  notice(msg: string): void {
    this.log('notice', msg);
  }
  warning(msg: string): void {
    this.log('warning', msg);
  }
}
