// REPLCONF, PSYNC and SYNC: how a backup turns its client connection into a replication stream. REPLCONF records
// what the backup says (its port, where its log stands), PSYNC hands the socket to replication. The stream itself
// lives in server/replication/.
import { noteListeningPort, noteLogState } from '../../replication/handshake.js';
import { ERR_NOT_INTEGER, ERR_NOT_STALE, ERR_PSYNC_NOT_FAHA, ERR_SYNTAX, unrecognizedReplconfOption } from '../../resp/errors.js';
import { simpleHandler, type Handler } from '../types.js';

/** Redis's REPLCONF options a replica may send; faha accepts them and acts on listening-port only. */
const ACCEPTED = new Set(['listening-port', 'ip-address', 'capa', 'ack', 'getack', 'rdb-only']);

/** The address part of "ip:port" (IPv6 addresses contain colons). */
function hostOf(addr: string): string {
  return addr.slice(0, addr.lastIndexOf(':'));
}

export const REPLCONF_HANDLER: Handler<Buffer[]> = simpleHandler('replconf', (ctx, argv) => {
  const opt = argv[1]?.toString('latin1').toLowerCase();
  if (opt === 'faha') {
    if (!noteLogState(ctx.session, argv.slice(2).map((a) => a.toString('latin1')))) ctx.reply.error(ERR_SYNTAX);
    else ctx.reply.ok();
    return;
  }
  if (opt === 'faha-stale') {
    const [epoch, port] = argv.slice(2).map((a) => Number(a.toString('latin1')));
    if (argv.length !== 4 || !Number.isInteger(epoch) || !Number.isInteger(port)) ctx.reply.error(ERR_SYNTAX);
    else if (ctx.server.replication.staleNotice(hostOf(ctx.session.addr), epoch, port)) ctx.reply.ok();
    else ctx.reply.error(ERR_NOT_STALE);
    return;
  }
  // Option/value pairs, as Redis demands.
  if (argv.length % 2 === 0) {
    ctx.reply.error(ERR_SYNTAX);
    return;
  }
  for (let i = 1; i < argv.length; i += 2) {
    const name = argv[i].toString('latin1').toLowerCase();
    if (!ACCEPTED.has(name)) {
      ctx.reply.error(unrecognizedReplconfOption(argv[i].toString('latin1')));
      return;
    }
    if (name === 'listening-port') {
      const port = Number(argv[i + 1].toString('latin1'));
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        ctx.reply.error(ERR_NOT_INTEGER);
        return;
      }
      noteListeningPort(ctx.session, port);
    }
  }
  ctx.reply.ok();
});

export const PSYNC_HANDLER: Handler<Buffer[]> = simpleHandler('psync', (ctx) => {
  const refused = ctx.server.replication.acceptBackup(ctx.session);
  if (refused !== null) ctx.reply.error(refused);
});

export const SYNC_HANDLER: Handler<Buffer[]> = simpleHandler('sync', (ctx) => {
  ctx.reply.error(ERR_PSYNC_NOT_FAHA);
});

export const REPLICATION_STREAM_HANDLERS = [REPLCONF_HANDLER, PSYNC_HANDLER, SYNC_HANDLER];
