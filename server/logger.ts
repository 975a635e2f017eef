// The server log, in Redis's line format ("<pid>:M 29 Nov 2026 16:22:49.123 * message") so log tooling that
// reads Redis logs reads ours. Levels and destination come from loglevel/logfile.
import { appendFileSync } from 'node:fs';

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning' | 'nothing';
const RANK: Record<LogLevel, number> = { debug: 0, verbose: 1, notice: 2, warning: 3, nothing: 4 };
const MARK: Record<LogLevel, string> = { debug: '.', verbose: '-', notice: '*', warning: '#', nothing: '' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export class Logger {
  constructor(
    public level: LogLevel = 'notice',
    public file: string = '',
  ) {}

  log(level: LogLevel, msg: string): void {
    if (RANK[level] < RANK[this.level] || level === 'nothing') return;
    const d = new Date();
    const p2 = (n: number) => String(n).padStart(2, '0');
    const ts = `${p2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
    const line = `${process.pid}:M ${ts} ${MARK[level]} ${msg}\n`;
    if (this.file === '') process.stdout.write(line);
    else appendFileSync(this.file, line);
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
