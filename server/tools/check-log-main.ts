// The faha-check-log command, like redis-check-aof: `faha-check-log [--fix] [--yes] [--quiet] <path>`. Owns argument
// parsing, the confirmation prompt, the directory lock during --fix, and exit codes (0 OK or torn tail or fixed,
// 1 corrupt, refused or failed); the judgement and the repair live in check-log.ts and check-log-fix.ts.
import { createInterface } from 'node:readline/promises';
import { CheckLogError, checkLog, locateLog, type CheckResult } from './check-log.js';
import { fixLog } from './check-log-fix.js';
import { describeLoss, formatReport, verdictLines } from './check-log-report.js';
import { probeDirLock } from './dir-lock-probe.js';
import { EngineError } from '../engine/errors.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from '../version.js';

interface Options {
  fix: boolean;
  yes: boolean;
  quiet: boolean;
  path: string;
}

type Parsed = { kind: 'run'; opts: Options } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage'; error: string };

const USAGE = [
  'Usage: faha-check-log [--fix] [--yes] [--quiet] <dir | dir/log>',
  '       faha-check-log -v or --version',
  '       faha-check-log -h or --help',
  '',
  'Checks a faha log (a data directory holding log/, or the log directory holding MANIFEST) batch by batch,',
  'as faha-server recovers it, and says OK, TORN TAIL (faha-server truncates it by itself at start) or CORRUPT.',
  '',
  '  --fix     truncate the log at the last good batch (asks "Continue? [y/N]:" when it would drop good batches)',
  '  --yes     answer yes to that question (needed when stdin is not a terminal)',
  '  --quiet   print only the verdict',
  '',
  'Exit code: 0 when the log is OK, ends in a torn tail, or was fixed; 1 when it is corrupt or on error.',
].join('\n') + '\n';

function parseArgs(argv: string[]): Parsed {
  const opts: Options = { fix: false, yes: false, quiet: false, path: '' };
  const paths: string[] = [];
  for (const a of argv) {
    if (a === '-h' || a === '--help') return { kind: 'help' };
    if (a === '-v' || a === '--version') return { kind: 'version' };
    if (a === '--fix') opts.fix = true;
    else if (a === '--yes' || a === '-y') opts.yes = true;
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a.startsWith('-') && a !== '-') return { kind: 'usage', error: `Unknown option ${a}` };
    else paths.push(a);
  }
  if (paths.length !== 1) return { kind: 'usage', error: paths.length === 0 ? 'No log path given' : 'Only one log path may be given' };
  opts.path = paths[0];
  return { kind: 'run', opts };
}

async function confirm(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y/i.test((await rl.question('Continue? [y/N]: ')).trim());
  } finally {
    rl.close();
  }
}

/** Asks before dropping good batches; a torn tail is zeroed without asking, as faha-server does at start. */
async function consent(res: CheckResult, opts: Options): Promise<boolean> {
  process.stdout.write(describeLoss(res) + '\n');
  if (res.verdict !== 'CORRUPT' || opts.yes) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write('Refusing to truncate without confirmation: stdin is not a terminal. Run again with --yes to truncate.\n');
    return false;
  }
  if (await confirm()) return true;
  process.stdout.write('Aborting...\n');
  return false;
}

async function repair(opts: Options): Promise<number> {
  const lock = await probeDirLock(locateLog(opts.path).dataDir);
  if (lock.held) {
    const who = lock.pid === null ? 'a faha server' : `a faha server (pid ${lock.pid})`;
    process.stderr.write(`Refusing to fix: ${who} holds this data directory (faha.lock). Stop it first.\n`);
    return 1;
  }
  try {
    const res = checkLog(opts.path);
    process.stdout.write(formatReport(res, opts.quiet));
    if (res.verdict === 'OK') {
      process.stdout.write('Nothing to fix.\n');
      return 0;
    }
    if (!(await consent(res, opts))) return 1;
    const out = fixLog(res);
    const removed = out.removed.length === 0 ? '' : `, removed ${out.removed.join(', ')}`;
    process.stdout.write(`Successfully truncated the log at ${res.segments[res.cut!.index].file} offset ${res.cut!.offset} (zeroed ${out.zeroed} bytes${removed}).\n`);
    const after = checkLog(opts.path);
    process.stdout.write(verdictLines(after).join('\n') + '\n');
    return after.verdict === 'CORRUPT' ? 1 : 0;
  } finally {
    lock.release();
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'version') {
    process.stdout.write(`faha-check-log v=${FAHA_VERSION} redis-compat=${REDIS_COMPAT_VERSION} node=${process.version} bits=64\n`);
    return 0;
  }
  if (parsed.kind !== 'run') {
    // As faha-server (and redis-server) do: usage on stderr, exit code 1.
    if (parsed.kind === 'usage') process.stderr.write(`${parsed.error}\n`);
    process.stderr.write(USAGE);
    return 1;
  }
  const { opts } = parsed;
  try {
    if (opts.fix) return await repair(opts);
    const res = checkLog(opts.path);
    process.stdout.write(formatReport(res, opts.quiet));
    return res.verdict === 'CORRUPT' ? 1 : 0;
  } catch (err) {
    if (!(err instanceof CheckLogError || err instanceof EngineError || (err as NodeJS.ErrnoException).code !== undefined)) throw err;
    process.stderr.write(`faha-check-log: ${(err as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`faha-check-log: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
