// Reply shapes shared by the sorted-set commands: member/score lists (RESP2 one flat array, RESP3 nested
// [member, score] pairs, as zrangeResultBeginClient and friends write them). Writes replies only.
import type { ReplyWriter } from '../../resp/reply.js';

export function member(reply: ReplyWriter, m: string): void {
  reply.bulkString(m, 'latin1');
}

/** The array header for `n` results: doubled for RESP2 WITHSCORES. */
export function pairsHeader(reply: ReplyWriter, n: number, withScores: boolean): void {
  reply.array(withScores && reply.resp === 2 ? n * 2 : n);
}

/** One result: the member, and with scores its score (RESP3 wraps the two in an array). */
export function pairItem(reply: ReplyWriter, m: string, score: number, withScores: boolean): void {
  if (withScores && reply.resp === 3) reply.array(2);
  member(reply, m);
  if (withScores) reply.double(score);
}

/** A whole list of results. */
export function replyPairs(reply: ReplyWriter, items: [string, number][], withScores: boolean): void {
  pairsHeader(reply, items.length, withScores);
  for (const [m, s] of items) pairItem(reply, m, s, withScores);
}
