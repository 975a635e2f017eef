// Test support: starts faha and redis-server on ephemeral ports with temporary data directories, waits until they
// accept connections, and stops exactly the processes it started (by pid), removing their directories.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAHA_MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of live) if (p.pid !== undefined && p.exitCode === null) process.kill(p.pid, 'SIGKILL');
});

/** A free TCP port on 127.0.0.1 (bound then released; a small race is accepted, start retries on clash). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  readonly port: number;
  readonly pid: number;
  readonly dir: string;
  readonly proc: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, wait, SIGKILL if needed; keeps the data directory unless `removeDir`. */
  stop(removeDir?: boolean): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  /** Extra `--directive value` arguments (faha) or redis-server arguments. */
  args?: string[];
  /** Reuse this data directory (e.g. after a crash) instead of a new temporary one. */
  dir?: string;
  env?: NodeJS.ProcessEnv;
  /** A config file path passed as the first argument. */
  configFile?: string;
  timeoutMs?: number;
}

function launch(cmd: string, argv: string[], dir: string, port: number, env: NodeJS.ProcessEnv | undefined, ownsDir: boolean, timeoutMs: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(proc);
    let out = '';
    let ready = false;
    const exited = new Promise<number | string>((r) => proc.once('exit', (code, sig) => {
      live.delete(proc);
      r(code ?? sig ?? -1);
    }));
    const timer = setTimeout(() => {
      if (!ready) {
        proc.kill('SIGKILL');
        reject(new Error(`${cmd} did not become ready in ${timeoutMs} ms:\n${out}`));
      }
    }, timeoutMs);
    const onOut = (d: Buffer) => {
      out += d.toString();
      if (!ready && out.includes('Ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve(server);
      }
    };
    proc.stdout!.on('data', onOut);
    proc.stderr!.on('data', onOut);
    void exited.then((code) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`${cmd} exited (${code}) before it was ready:\n${out}`));
      }
    });
    const server: RunningServer = {
      port,
      pid: proc.pid!,
      dir,
      proc,
      output: () => out,
      exited,
      kill: (signal) => {
        if (proc.exitCode === null && proc.signalCode === null) process.kill(proc.pid!, signal);
      },
      stop: async (removeDir = ownsDir) => {
        if (proc.exitCode === null && proc.signalCode === null) {
          process.kill(proc.pid!, 'SIGTERM');
          const t = setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(t);
        }
        if (removeDir) rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}

/** A server that never became ready is nobody's to stop: the temporary directory made for it goes at once. */
async function orDropDir(starting: Promise<RunningServer>, dir: string, ownsDir: boolean): Promise<RunningServer> {
  try {
    return await starting;
  } catch (err) {
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function withPortRetry(start: (port: number) => Promise<RunningServer>): Promise<RunningServer> {
  let last: Error | null = null;
  for (let i = 0; i < 5; i++) {
    try {
      return await start(await freePort());
    } catch (err) {
      last = err as Error;
      if (!/EADDRINUSE|Address already in use/.test(last.message)) throw last;
    }
  }
  throw last!;
}

/** Starts faha (dist/server/main.js) on a free port. */
export function startFaha(opts: StartOptions = {}): Promise<RunningServer> {
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'faha-test-'));
  const starting = withPortRetry((port) => {
    const argv = [FAHA_MAIN];
    if (opts.configFile) argv.push(opts.configFile);
    argv.push('--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...(opts.args ?? []));
    return launch(process.execPath, argv, dir, port, opts.env, ownsDir, opts.timeoutMs ?? 15000);
  });
  return orDropDir(starting, dir, ownsDir);
}

export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** Starts Debian's redis-server (the reference) on a free port, without persistence unless args ask for it. */
export function startRedis(opts: StartOptions = {}): Promise<RunningServer> {
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'redis-ref-'));
  const starting = withPortRetry((port) => {
    const argv: string[] = [];
    if (opts.configFile) argv.push(opts.configFile);
    argv.push('--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...(opts.args ?? []));
    return launch('redis-server', argv, dir, port, opts.env, ownsDir, opts.timeoutMs ?? 15000);
  });
  return orDropDir(starting, dir, ownsDir);
}
