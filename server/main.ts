// faha-server's command line, like redis-server's: `faha-server [config-file] [--directive value ...] [-]`,
// --version/-v, --help/-h. A bad directive or value stops start-up with redis-server's FATAL CONFIG FILE ERROR
// report and exit code 1. `daemonize yes` re-spawns the server detached and exits once the child is ready.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { FahaServer } from './app.js';
import { assembleConfigText, parseCommandLine } from './config/command-line.js';
import { Config, ConfigError, ConfigFileUnreadable, readConfigFile } from './config/config.js';
import { DIRECTIVES } from './config/schema.js';
import { Logger, type LogLevel } from './logger.js';
import { openBackend } from './platform/pmem.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from './version.js';

/** Set in the environment of the detached child a daemonizing server starts. */
const DAEMON_CHILD_ENV = 'FAHA_DAEMON_CHILD';

type DaemonMessage = { ready: true } | { error: string };

function usage(): string {
  const lines = [
    'Usage: faha-server [/path/to/faha.conf] [options] [-]',
    '       faha-server - (read config from stdin)',
    '       faha-server -v or --version',
    '       faha-server -h or --help',
    '',
    'Examples:',
    '       faha-server (run the server with default config)',
    "       echo 'appendfsync everysec' | faha-server -",
    '       faha-server config/faha.conf',
    '       faha-server --port 7777',
    '       faha-server --port 7777 --dir /tmp/faha --appendfsync everysec',
    '       faha-server config/faha.conf --loglevel verbose -',
    '',
    'Directives (each can be given as --name value; config/faha.conf documents them):',
  ];
  for (const d of DIRECTIVES) lines.push(`  --${d.name.padEnd(34)} ${d.doc} (default: ${d.default === '' ? '""' : d.default})`);
  return lines.join('\n') + '\n';
}

function versionLine(): string {
  let backend: string;
  try {
    backend = openBackend('auto').name;
  } catch {
    backend = 'unavailable';
  }
  return `faha server v=${FAHA_VERSION} redis-compat=${REDIS_COMPAT_VERSION} persistence=${backend} node=${process.version} bits=64\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Loads the configuration as Redis does; prints Redis's report and returns null when it is bad. */
async function loadConfig(configFile: string | null, stdin: boolean, options: string): Promise<{ config: Config; stdinText: string } | null> {
  const config = new Config();
  const early = new Logger('notice', '', 'C');
  let stdinText = '';
  try {
    let fileText = '';
    if (configFile !== null) {
      config.file = resolve(configFile);
      fileText = readConfigFile(configFile);
    }
    if (stdin) {
      early.warning('Reading config from stdin');
      stdinText = await readStdin();
    }
    config.loadText(assembleConfigText(fileText, stdinText, options));
    config.checkLoaded();
  } catch (err) {
    if (err instanceof ConfigFileUnreadable) {
      early.warning(err.message);
      return null;
    }
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`\n*** FATAL CONFIG FILE ERROR (faha ${FAHA_VERSION}) ***\n`);
    if (err.line > 0) process.stderr.write(`Reading the configuration file, at line ${err.line}\n>>> '${err.text}'\n`);
    process.stderr.write(`${err.message}\n`);
    return null;
  }
  return { config, stdinText };
}

/** The parent half of `daemonize yes`: start a detached copy of this command and wait until it serves. */
function daemonize(argv: string[], stdinText: string): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...argv], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore', 'ipc'],
    env: { ...process.env, [DAEMON_CHILD_ENV]: '1' },
  });
  child.stdin!.end(stdinText);
  return new Promise((done) => {
    child.once('message', (m: DaemonMessage) => {
      if ('error' in m) process.stderr.write(`faha-server: ${m.error}\n`);
      child.disconnect();
      child.unref();
      done('error' in m ? 1 : 0);
    });
    child.once('exit', (code) => done(code ?? 1));
  });
}

function logStart(config: Config, argc: number): void {
  const log = new Logger(config.str('loglevel') as LogLevel, config.str('logfile'), 'C');
  log.warning('oO0OoO0OoO0Oo faha is starting oO0OoO0OoO0Oo');
  log.warning(`faha version=${FAHA_VERSION}, redis-compat=${REDIS_COMPAT_VERSION}, bits=64, pid=${process.pid}, just started`);
  if (argc === 0) {
    log.warning('Warning: no config file specified, using the default config. In order to specify a config file use faha-server /path/to/faha.conf');
  } else {
    log.warning('Configuration loaded');
  }
}

async function main(argv: string[]): Promise<number> {
  const cl = parseCommandLine(argv);
  if (cl.kind === 'version') {
    process.stdout.write(versionLine());
    return 0;
  }
  if (cl.kind === 'help') {
    // redis-server prints its usage on stderr and exits with 1.
    process.stderr.write(usage());
    return 1;
  }
  const loaded = await loadConfig(cl.configFile, cl.stdin, cl.options);
  if (loaded === null) return 1;
  const { config, stdinText } = loaded;
  const isDaemonChild = process.env[DAEMON_CHILD_ENV] === '1';
  if (config.bool('daemonize') && !isDaemonChild) return daemonize(argv, stdinText);
  logStart(config, argv.length);

  let server: FahaServer;
  try {
    server = new FahaServer(config, { daemonized: isDaemonChild });
    await server.start();
  } catch (err) {
    // Like Redis, start-up failures go to the log; a daemon's parent repeats them on stderr, since the
    // detached child may have no log to write to.
    const msg = (err as Error).message;
    new Logger(config.str('loglevel') as LogLevel, config.str('logfile')).warning(msg);
    if (isDaemonChild) process.send?.({ error: msg } satisfies DaemonMessage);
    return 1;
  }
  if (isDaemonChild) {
    process.send?.({ ready: true } satisfies DaemonMessage);
    process.disconnect?.();
  }
  const onSignal = (sig: string) => {
    server.logger.warning(`Received ${sig} scheduling shutdown...`);
    void server.stop(0);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  return server.done;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`faha-server: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
