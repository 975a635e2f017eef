// ROLE: Redis 7.0's roleCommand shapes. A primary: "master", its offset, and [ip, port, acked offset] (bulk strings)
// per online backup. A backup: "slave", host, port, link state, offset (-1 until the link is live). Reads only.
import type { ReplicationView } from '../../replication/types.js';
import type { ReplyWriter } from '../../resp/reply.js';
import { simpleHandler } from '../types.js';

export function writeRole(reply: ReplyWriter, view: ReplicationView): void {
  const link = view.link;
  if (view.role === 'primary' || link === null) {
    const online = view.backups.filter((b) => b.state === 'online');
    reply.array(3);
    reply.bulkString('master');
    reply.integer(view.offset);
    reply.array(online.length);
    for (const b of online) {
      reply.array(3);
      reply.bulkString(b.ip);
      reply.bulkString(String(b.port));
      reply.bulkString(String(b.ackLSN));
    }
    return;
  }
  reply.array(5);
  reply.bulkString('slave');
  reply.bulkString(link.host);
  reply.integer(link.port);
  reply.bulkString(link.state);
  // Redis reports the master client's offset, which exists only once the stream is live.
  reply.integer(link.state === 'connected' ? view.offset : -1);
}

export const ROLE_HANDLER = simpleHandler('role', (ctx) => writeRole(ctx.reply, ctx.server.replication));
