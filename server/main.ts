// faha-server's command line, like redis-server's: `faha-server [config-file] [--directive value ...]`,
// --version, --help. A bad directive stops start-up with redis-server's message and a non-zero exit code.
import { resolve } from 'node:path';
import { FahaServer } from './app.js';
import { Config, ConfigError, optionsToConfigText } from './config/config.js';
import { DIRECTIVES } from './config/schema.js';
import { openBackend } from './platform/pmem.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from './version.js';

function usage(): string {
  const lines = [
    'Usage: faha-server [/path/to/faha.conf] [options] [-]',
    '       faha-server - (read config from stdin)',
    '       faha-server -v or --version',
    '       faha-server -h or --help',
    '',
    'Examples:',
    '       faha-server (run the server with default config)',
    '       faha-server config/faha.conf',
    '       faha-server --port 7777',
    '       faha-server --port 7777 --dir /tmp/faha --appendfsync everysec',
    '',
    'Directives (every one can be given as --name value; see config/faha.conf):',
  ];
  for (const d of DIRECTIVES) lines.push(`  --${d.name.padEnd(28)} ${d.doc} (default: ${d.default === '' ? '""' : d.default})`);
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

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '-v' || argv[0] === '--version') {
    process.stdout.write(versionLine());
    return 0;
  }
  if (argv[0] === '-h' || argv[0] === '--help') {
    process.stdout.write(usage());
    return 0;
  }
  const config = new Config();
  let rest = argv;
  try {
    if (rest.length > 0 && !rest[0].startsWith('--')) {
      if (rest[0] === '-') {
        config.loadText(await readStdin(), 'stdin');
      } else {
        config.file = resolve(rest[0]);
        config.loadFile(rest[0]);
      }
      rest = rest.slice(1);
    }
    if (rest.length > 0) config.loadText(optionsToConfigText(rest), 'command line');
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\n*** FATAL CONFIG FILE ERROR (faha ${FAHA_VERSION}) ***\n`);
      if (err.line > 0) {
        process.stderr.write(`Reading the configuration file, at line ${err.line}\n>>> '${err.text}'\n`);
      }
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }

  let server: FahaServer;
  try {
    server = new FahaServer(config);
    await server.start();
  } catch (err) {
    process.stderr.write(`faha-server: ${(err as Error).message}\n`);
    return 1;
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
