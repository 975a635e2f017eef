// Every error reply faha sends, byte-identical to Redis 7.0's (the text after '-', without CRLF).
// Handlers and the dispatcher take their strings from here; no error literals elsewhere.

export const ERR_SYNTAX = 'ERR syntax error';
export const ERR_WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const ERR_NOT_INTEGER = 'ERR value is not an integer or out of range';
export const ERR_NOT_FLOAT = 'ERR value is not a valid float';
export const ERR_OVERFLOW = 'ERR increment or decrement would overflow';
export const ERR_NO_SUCH_KEY = 'ERR no such key';
export const ERR_DB_INDEX = 'ERR DB index is out of range';
export const ERR_INVALID_DB_INDEX = 'ERR invalid DB index';
export const ERR_NOAUTH = 'NOAUTH Authentication required.';
export const ERR_WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';
export const ERR_AUTH_NO_PASSWORD =
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?';
export const ERR_MAX_CLIENTS = 'ERR max number of clients reached';
export const ERR_NOPROTO = 'NOPROTO unsupported protocol version';
export const ERR_PROTOCOL_VERSION = 'ERR Protocol version is not an integer or out of range';

export const PROTO_TOO_BIG_INLINE = 'Protocol error: too big inline request';
export const PROTO_UNBALANCED_QUOTES = 'Protocol error: unbalanced quotes in request';
export const PROTO_TOO_BIG_MBULK = 'Protocol error: too big mbulk count string';
export const PROTO_INVALID_MBULK = 'Protocol error: invalid multibulk length';
export const PROTO_UNAUTH_MBULK = 'Protocol error: unauthenticated multibulk length';
export const PROTO_TOO_BIG_BULK = 'Protocol error: too big bulk count string';
export const PROTO_INVALID_BULK = 'Protocol error: invalid bulk length';
export const PROTO_UNAUTH_BULK = 'Protocol error: unauthenticated bulk length';

export function protoExpectedDollar(got: number): string {
  return `Protocol error: expected '$', got '${String.fromCharCode(got)}'`;
}

/** Redis quotes at most 128 bytes of the name and of the arguments (`%.128s`). */
export function unknownCommand(name: Buffer, args: Buffer[]): string {
  let list = '';
  for (const a of args) {
    if (list.length >= 128) break;
    list += `'${a.toString('latin1').slice(0, 128 - list.length)}' `;
  }
  return `ERR unknown command '${name.toString('latin1').slice(0, 128)}', with args beginning with: ${list}`;
}

export function wrongArity(fullname: string): string {
  return `ERR wrong number of arguments for '${fullname}' command`;
}

export function unknownSubcommand(sub: Buffer, parent: string): string {
  return `ERR unknown subcommand '${sub.toString('latin1').slice(0, 128)}'. Try ${parent.toUpperCase()} HELP.`;
}

/**
 * Redis replaces CR and LF inside error text with spaces, since a reply line cannot hold them
 * (addReplyErrorLength's sanitising in 7.0).
 */
export function sanitizeError(msg: string): string {
  return /[\r\n]/.test(msg) ? msg.replace(/[\r\n]/g, ' ') : msg;
}
