// The CLIENT LIST / CLIENT INFO line of a connection, with exactly Redis 7.0.15's fields in its order. Fields that
// describe Redis's memory layout (qbuf-free, rbs, rbp, tot-mem) carry faha's nearest equivalents; see
// known-differences.json ("client-list-memory-fields").

/** What the line needs to know about a connection. */
export interface ClientInfoSource {
  readonly id: number;
  readonly addr: string;
  readonly laddr: string;
  readonly fd: number;
  readonly name: string;
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly lastInteraction: number;
  readonly db: number;
  readonly resp: 2 | 3;
  readonly lastCommand: string;
  readonly isMonitor: boolean;
  readonly noEvict: boolean;
  /** Held back by CLIENT PAUSE (Redis shows such a client as blocked). */
  readonly blocked: boolean;
  /** Will close once its replies are sent (QUIT, CLIENT KILL of itself, protocol error). */
  readonly closing: boolean;
  /** Input bytes in the query buffer, as Redis's qbuf counts them. */
  readonly queryBufferBytes: number;
  /** Bytes of the arguments of the command being run (argv-mem). */
  readonly argvBytes: number;
  /** Replies written this round and not yet handed to the socket (obl). */
  readonly replyBufferBytes: number;
  /** Largest reply round recently (rbp). */
  readonly replyPeak: number;
  /** Output waiting for durability or for the socket: chunks (oll) and bytes (omem). */
  readonly pendingOutputChunks: number;
  readonly pendingOutputBytes: number;
  readonly reading: boolean;
  readonly writing: boolean;
  readonly subscriptions: { readonly channels: Set<string>; readonly patterns: Set<string> };
  /** Commands queued by an open MULTI, or null outside one. */
  readonly multi: { readonly queue: readonly unknown[] } | null;
  /** A WATCHed key changed. */
  readonly dirtyCas: boolean;
}

/** faha's reply writer starts with a 16 KiB buffer; reported as rbs (Redis's reply buffer size). */
const REPLY_BUFFER_SIZE = 16 * 1024;

function flags(c: ClientInfoSource): string {
  let f = '';
  if (c.isMonitor) f += 'O';
  if (c.subscriptions.channels.size + c.subscriptions.patterns.size > 0) f += 'P';
  if (c.multi !== null) f += 'x';
  if (c.blocked) f += 'b';
  if (c.dirtyCas) f += 'd';
  if (c.closing) f += 'c';
  if (c.noEvict) f += 'e';
  return f === '' ? 'N' : f;
}

/** Whole seconds between two instants as Redis's second-granular clock sees them. */
function secondsBetween(from: number, to: number): number {
  return Math.floor(to / 1000) - Math.floor(from / 1000);
}

export function formatClientInfo(c: ClientInfoSource, nowMs: number): string {
  const qbuf = c.queryBufferBytes;
  const obl = c.replyBufferBytes;
  const omem = c.pendingOutputBytes;
  const events = (c.reading ? 'r' : '') + (c.writing ? 'w' : '');
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} ` +
    `age=${secondsBetween(c.createdAt, nowMs)} idle=${secondsBetween(c.lastInteraction, nowMs)} flags=${flags(c)} ` +
    `db=${c.db} sub=${c.subscriptions.channels.size} psub=${c.subscriptions.patterns.size} ssub=0 multi=${c.multi === null ? -1 : c.multi.queue.length} qbuf=${qbuf} qbuf-free=0 argv-mem=${c.argvBytes} multi-mem=0 ` +
    `rbs=${REPLY_BUFFER_SIZE} rbp=${c.replyPeak} obl=${obl} oll=${c.pendingOutputChunks} omem=${omem} ` +
    `tot-mem=${qbuf + c.argvBytes + obl + omem} events=${events} cmd=${c.lastCommand} user=default redir=-1 resp=${c.resp}`
  );
}
