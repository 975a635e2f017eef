// Reply shapes shared by the set commands: members as a RESP3 set (an array in RESP2) or as a plain array.
// Only writes replies; decides nothing about data.
import type { ReplyWriter } from '../../resp/reply.js';

/** Members (latin1 strings) as a set reply, as addReplySetLen does. */
export function replyMemberSet(reply: ReplyWriter, members: readonly string[]): void {
  reply.set(members.length);
  for (const m of members) reply.bulkString(m, 'latin1');
}

/** Members as an array reply (SRANDMEMBER with a count answers arrays in Redis 7.0). */
export function replyMemberArray(reply: ReplyWriter, members: readonly string[]): void {
  reply.array(members.length);
  for (const m of members) reply.bulkString(m, 'latin1');
}
