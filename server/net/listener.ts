// TCP listeners for every `bind` address on `port`, as redis.conf's bind works: "*" is every IPv4 address, "::*"
// every IPv6 one, and a leading "-" makes an address optional (skipped when it does not exist on this host).
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../logger.js';

export { Clients } from './clients.js';

export interface BoundListeners {
  servers: Server[];
  close(): Promise<void>;
}

export interface BindAddress {
  host: string;
  optional: boolean;
  ipv6: boolean;
}

/** Splits a bind list into addresses; "*" and "::*" become the IPv4 and IPv6 wildcards. */
export function parseBind(bind: string): BindAddress[] {
  return bind
    .split(/\s+/)
    .filter((a) => a !== '')
    .map((raw) => {
      const optional = raw.startsWith('-');
      let host = optional ? raw.slice(1) : raw;
      if (host === '*') host = '0.0.0.0';
      else if (host === '::*') host = '::';
      return { host, optional, ipv6: host.includes(':') };
    });
}

/**
 * Errors that skip an address instead of failing start-up (Redis's listenToPort): an optional address that is
 * not on this host, and an address family the host does not support at all.
 */
function skippable(code: string | undefined, optional: boolean): boolean {
  if (code === 'EADDRNOTAVAIL') return optional;
  return code === 'EAFNOSUPPORT' || code === 'EPROTONOSUPPORT' || code === 'ENOPROTOOPT' || code === 'ESOCKTNOSUPPORT' || code === 'EPFNOSUPPORT';
}

function listenOne(srv: Server, a: BindAddress, port: number, backlog: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    // IPv6 sockets are IPv6-only, as Redis makes them, so "* ::*" can bind both wildcards on one port.
    srv.listen({ host: a.host, port, backlog, exclusive: true, ipv6Only: a.ipv6 }, () => {
      srv.off('error', reject);
      resolve();
    });
  });
}

/**
 * Listens on each address of `bind`; rejects (closing what it opened) if a required address fails. With
 * `pauseOnConnect` Node never starts reading an accepted socket (the epoll poller reads it instead).
 */
export async function listen(bind: string, port: number, backlog: number, onSocket: (s: Socket) => void, logger: Logger, pauseOnConnect = false): Promise<BoundListeners> {
  const servers: Server[] = [];
  for (const a of parseBind(bind)) {
    const srv = createServer({ noDelay: true, pauseOnConnect }, onSocket);
    try {
      await listenOne(srv, a, port, backlog);
      servers.push(srv);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      logger.warning(`Warning: Could not create server TCP listening socket ${a.host}:${port}: ${e.message}`);
      if (skippable(e.code, a.optional)) continue;
      for (const s of servers) s.close();
      throw new Error(`Failed listening on port ${port} (TCP), aborting.`);
    }
  }
  if (servers.length === 0) throw new Error('Configured to not listen anywhere, exiting.');
  return {
    servers,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => {}),
  };
}
