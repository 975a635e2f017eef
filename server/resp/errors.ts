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

/** C's `%.{max}s` of a byte string: stops at the first NUL, at most `max` bytes, one char per byte. */
function cString(b: Buffer, max: number): string {
  const z = b.indexOf(0);
  return b.toString('latin1', 0, Math.min(z < 0 ? b.length : z, max));
}

/** Redis quotes at most 128 bytes of the name and of the arguments (`%.128s`). */
export function unknownCommand(name: Buffer, args: Buffer[]): string {
  let list = '';
  for (const a of args) {
    if (list.length >= 128) break;
    list += `'${cString(a, 128 - list.length)}' `;
  }
  return `ERR unknown command '${cString(name, 128)}', with args beginning with: ${list}`;
}

export function wrongArity(fullname: string): string {
  return `ERR wrong number of arguments for '${fullname}' command`;
}

export function unknownSubcommand(sub: Buffer, parent: string): string {
  return `ERR unknown subcommand '${cString(sub, 128)}'. Try ${parent.toUpperCase()} HELP.`;
}

/**
 * Redis replaces CR and LF inside error text with spaces, since a reply line cannot hold them
 * (addReplyErrorLength's sanitising in 7.0).
 */
export function sanitizeError(msg: string): string {
  return /[\r\n]/.test(msg) ? msg.replace(/[\r\n]/g, ' ') : msg;
}

// COMMAND GETKEYS / GETKEYSANDFLAGS (server.c getKeysSubcommandImpl), in the order Redis checks them.
export const ERR_GETKEYS_INVALID_COMMAND = 'ERR Invalid command specified';
export const ERR_GETKEYS_NO_KEYS = 'ERR The command has no key arguments';
export const ERR_GETKEYS_ARITY = 'ERR Invalid number of arguments specified for command';
export const ERR_GETKEYS_INVALID_ARGS = 'ERR Invalid arguments specified for command';

// String commands (t_string.c).
/** addReplyErrorExpireTime: names the command as Redis's fullname does ('set', 'getex', 'expire'…). */
export function invalidExpireTime(fullname: string): string {
  return `ERR invalid expire time in '${fullname}' command`;
}
export const ERR_DECREMENT_OVERFLOW = 'ERR decrement would overflow';
export const ERR_OFFSET_OUT_OF_RANGE = 'ERR offset is out of range';
export const ERR_STRING_TOO_LONG = 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';
export const ERR_INCR_NOT_FINITE = 'ERR increment would produce NaN or Infinity';
export const ERR_LCS_NOT_STRINGS = 'ERR The specified keys must contain string values';
export const ERR_LCS_LEN_AND_IDX = 'ERR If you want both the length and indexes, please just use IDX.';
export const ERR_LCS_TOO_LONG = 'ERR String too long for LCS';
export const ERR_LCS_TABLE_TOO_BIG = 'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len';
export const ERR_LCS_NO_MEMORY = 'ERR Insufficient memory, failed allocating transient memory for LCS';

// Request-parser errors with the "ERR " that Redis's addReplyError prepends (the PROTO_* strings above lack it).
export const ERR_PROTO_TOO_BIG_INLINE = 'ERR Protocol error: too big inline request';
export const ERR_PROTO_UNBALANCED_QUOTES = 'ERR Protocol error: unbalanced quotes in request';
export const ERR_PROTO_TOO_BIG_MBULK = 'ERR Protocol error: too big mbulk count string';
export const ERR_PROTO_INVALID_MBULK = 'ERR Protocol error: invalid multibulk length';
export const ERR_PROTO_UNAUTH_MBULK = 'ERR Protocol error: unauthenticated multibulk length';
export const ERR_PROTO_TOO_BIG_BULK = 'ERR Protocol error: too big bulk count string';
export const ERR_PROTO_INVALID_BULK = 'ERR Protocol error: invalid bulk length';
export const ERR_PROTO_UNAUTH_BULK = 'ERR Protocol error: unauthenticated bulk length';

/** `got` is the offending byte as Redis's %c prints it (a latin1 character). */
export function errProtoExpectedDollar(got: number): string {
  return `ERR Protocol error: expected '$', got '${String.fromCharCode(got)}'`;
}

// Generic key commands (db.c, expire.c, object.c).
export const ERR_SAME_OBJECT = 'ERR source and destination objects are the same';
export const ERR_INVALID_CURSOR = 'ERR invalid cursor';
export const ERR_EXPIRE_NX_CONFLICT = 'ERR NX and XX, GT or LT options at the same time are not compatible';
export const ERR_EXPIRE_GT_LT_CONFLICT = 'ERR GT and LT options at the same time are not compatible';
/** getIntFromObjectOrReply's range error (Redis's wording, "must between" included). */
export const ERR_INT_OUT_OF_RANGE = 'ERR value is out of range, value must between -2147483648 and 2147483647';
export const ERR_LFU_NOT_SELECTED =
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';
export const ERR_LFU_SELECTED =
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';
/** EXPIRE's unknown option, printed with %s (so the text stops at a NUL byte). */
export function unsupportedOption(option: string): string {
  return `ERR Unsupported option ${option}`;
}

// Server commands (config.c, rdb.c, server.c, debug.c).
/** addReplySubcommandSyntaxError: `parent` is the command's name, printed in upper case. */
export function subcommandSyntaxError(sub: Buffer, parent: string): string {
  return `ERR unknown subcommand or wrong number of arguments for '${cString(sub, 128)}'. Try ${parent.toUpperCase()} HELP.`;
}
export function configSetUnknownOption(name: string): string {
  return `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`;
}
/** `reason` is config.c's own text ("can't set immutable config", a value's parse error…). */
export function configSetFailed(name: string, reason: string): string {
  return `ERR CONFIG SET failed (possibly related to argument '${name}') - ${reason}`;
}
export const CONFIG_SET_IMMUTABLE = "can't set immutable config";
export const CONFIG_SET_PROTECTED = "can't set protected config";
export const CONFIG_SET_DUPLICATE = 'duplicate parameter';
export const ERR_NO_CONFIG_FILE = 'ERR The server is running without a config file';
/** `reason` is strerror's text. */
export function configRewriteFailed(reason: string): string {
  return `ERR Rewriting config file: ${reason}`;
}
export const ERR_BGSAVE_IN_PROGRESS = 'ERR Background save already in progress';
export const ERR_NO_SHUTDOWN_IN_PROGRESS = 'ERR No shutdown in progress.';
export const ERR_SHUTDOWN_FAILED = 'ERR Errors trying to SHUTDOWN. Check logs.';
export const ERR_DEBUG_NOT_ALLOWED =
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.';

// Connection commands (SELECT, SWAPDB, HELLO, AUTH, CLIENT …).
export const ERR_INVALID_FIRST_DB_INDEX = 'ERR invalid first DB index';
export const ERR_INVALID_SECOND_DB_INDEX = 'ERR invalid second DB index';
export const ERR_HELLO_NOAUTH =
  'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time';
export const ERR_CLIENT_NAME = 'ERR Client names cannot contain spaces, newlines or special characters.';
export const ERR_NO_SUCH_CLIENT = 'ERR No such client';
export const ERR_CLIENT_ID_NOT_POSITIVE = 'ERR client-id should be greater than 0';
export const ERR_INVALID_CLIENT_ID = 'ERR Invalid client ID';
export const ERR_TIMEOUT_NOT_INTEGER = 'ERR timeout is not an integer or out of range';
export const ERR_TIMEOUT_NEGATIVE = 'ERR timeout is negative';
export const ERR_PAUSE_MODE = 'ERR CLIENT PAUSE mode must be WRITE or ALL';

export function helloSyntaxError(option: string): string {
  return `ERR Syntax error in HELLO option '${option}'`;
}

export function unknownClientType(type: string): string {
  return `ERR Unknown client type '${type}'`;
}

export function noSuchUser(user: string): string {
  return `ERR No such user '${user}'`;
}

/** CLIENT SETINFO (Redis 7.2). */
export function unrecognizedOption(option: string): string {
  return `ERR Unrecognized option '${option}'`;
}

export function clientAttrInvalid(attr: string): string {
  return `ERR ${attr} cannot contain spaces, newlines or special characters.`;
}
/** Redis's shared.err: the bare "-ERR" SAVE answers when the save fails. */
export const ERR_BARE = 'ERR';
export const ERR_TIMEOUT_NOT_FLOAT = 'ERR timeout is not a float or out of range';
/** A RESP2 connection in subscribed mode may only run the pub/sub commands, PING, QUIT and RESET. */
export function notAllowedInSubscribedMode(fullName: string): string {
  return `ERR Can't execute '${fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
}
export const ERR_MULTI_NESTED = 'ERR MULTI calls can not be nested';
export const ERR_EXEC_WITHOUT_MULTI = 'ERR EXEC without MULTI';
export const ERR_DISCARD_WITHOUT_MULTI = 'ERR DISCARD without MULTI';
export const ERR_WATCH_IN_MULTI = 'ERR WATCH inside MULTI is not allowed';
export const ERR_EXECABORT = 'EXECABORT Transaction discarded because of previous errors.';
export const ERR_NOT_ALLOWED_IN_MULTI = 'ERR Command not allowed inside a transaction';

// DUMP / RESTORE (cluster.c) and SORT (sort.c).
export const ERR_BUSYKEY = 'BUSYKEY Target key name already exists.';
export const ERR_RESTORE_TTL = 'ERR Invalid TTL value, must be >= 0';
export const ERR_RESTORE_IDLETIME = 'ERR Invalid IDLETIME value, must be >= 0';
export const ERR_RESTORE_FREQ = 'ERR Invalid FREQ value, must be >= 0 and <= 255';
export const ERR_DUMP_PAYLOAD = 'ERR DUMP payload version or checksum are wrong';
export const ERR_BAD_DATA_FORMAT = 'ERR Bad data format';
export const ERR_SORT_SCORES = "ERR One or more scores can't be converted into double";
// Lists (t_list.c).
export const ERR_INDEX_OUT_OF_RANGE = 'ERR index out of range';
export const ERR_VALUE_NOT_POSITIVE = 'ERR value is out of range, must be positive';
export const ERR_LPOS_RANK_ZERO =
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";
export const ERR_LPOS_COUNT_NEGATIVE = "ERR COUNT can't be negative";
export const ERR_LPOS_MAXLEN_NEGATIVE = "ERR MAXLEN can't be negative";
export const ERR_LIST_NUMKEYS = 'ERR numkeys should be greater than 0';
export const ERR_LIST_MPOP_COUNT = 'ERR count should be greater than 0';

// Hash commands (t_hash.c).
export const ERR_HASH_NOT_INTEGER = 'ERR hash value is not an integer';
export const ERR_HASH_NOT_FLOAT = 'ERR hash value is not a float';
/** HINCRBYFLOAT's increment itself is infinite (checked before the key is looked at). */
export const ERR_NAN_OR_INFINITY = 'ERR value is NaN or Infinity';
/** HRANDFIELD WITHVALUES with a count whose doubled reply length would not fit a long. */
export const ERR_VALUE_OUT_OF_RANGE = 'ERR value is out of range';
/** getRangeLongFromObjectOrReply's range error (Redis's wording, "must between" included). */
export function longOutOfRange(min: bigint | number, max: bigint | number): string {
  return `ERR value is out of range, value must between ${min} and ${max}`;
}

// Bitmap commands (bitops.c).
export const ERR_BIT_OFFSET = 'ERR bit offset is not an integer or out of range';
export const ERR_BIT_VALUE = 'ERR bit is not an integer or out of range';
export const ERR_BIT_ARGUMENT = 'ERR The bit argument must be 1 or 0.';
export const ERR_BITOP_NOT_ONE_KEY = 'ERR BITOP NOT must be called with a single source key.';
export const ERR_BITFIELD_TYPE = 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';
export const ERR_BITFIELD_OVERFLOW = 'ERR Invalid OVERFLOW type specified';
export const ERR_BITFIELD_RO_WRITE = 'ERR BITFIELD_RO only supports the GET subcommand';

// HyperLogLog commands (hyperloglog.c).
export const ERR_NOT_HLL = 'WRONGTYPE Key is not a valid HyperLogLog string value.';
export const ERR_HLL_CORRUPT = 'INVALIDOBJ Corrupted HLL object detected';

// Sorted-set commands (t_zset.c).
export const ERR_ZSET_NAN = 'ERR resulting score is not a number (NaN)';
export const ERR_ZADD_XX_NX = 'ERR XX and NX options at the same time are not compatible';
export const ERR_ZADD_GT_LT_NX = 'ERR GT, LT, and/or NX options at the same time are not compatible';
export const ERR_ZADD_INCR_PAIRS = 'ERR INCR option supports a single increment-element pair';
export const ERR_ZSET_MIN_MAX_FLOAT = 'ERR min or max is not a float';
export const ERR_ZSET_MIN_MAX_LEX = 'ERR min or max not valid string range item';
export const ERR_ZRANGE_LIMIT_BY_RANK = 'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX';
export const ERR_ZRANGE_WITHSCORES_BYLEX = 'ERR syntax error, WITHSCORES not supported in combination with BYLEX';
export const ERR_ZSET_WEIGHT_FLOAT = 'ERR weight value is not a float';
export const ERR_ZSET_LIMIT_NEGATIVE = "ERR LIMIT can't be negative";
/** Names the command as Redis's fullname does ('zunionstore', 'zintercard'…). */
export function atLeastOneInputKey(fullname: string): string {
  return `ERR at least 1 input key is needed for '${fullname}' command`;
}

// Set commands (t_set.c).
/** SINTERCARD's numkeys larger than the keys actually given. */
export const ERR_SET_NUMKEYS_EXCEED_ARGS = "ERR Number of keys can't be greater than number of args";

// Disk faults (issue 4): Redis's "-MISCONF Errors writing to the AOF file: <strerror>", worded for the log.
/** A write command (or PING) refused while the log cannot take writes; `reason` is strerror's text. */
export function misconfLogWrite(reason: string): string {
  return `MISCONF Errors writing to the log: ${reason}`;
}
/** EXEC refused before running (Redis's execCommandAbort): `error` is the refusal without its leading '-'. */
export function execAbortBecause(error: string): string {
  return `EXECABORT Transaction discarded because of: ${error}`;
}
/** DEBUG FAULT (faha only). */
export const ERR_DEBUG_FAULT_POINT = "ERR Unknown fault point: use 'segment-create', 'manifest-write' or 'persist'";
export const ERR_DEBUG_FAULT_ERRNO = 'ERR Unknown errno name: use ENOSPC, EIO, EDQUOT, EROFS, EACCES or another errno name';
export const ERR_DEBUG_FAULT_COUNT = 'ERR The fault count must be a positive integer';

/** BGREWRITEAOF while a rewrite (in faha: a full cleaning pass) runs. */
export const ERR_BGREWRITEAOF_IN_PROGRESS = 'ERR Background append only file rewriting already in progress';

/** A write refused while the dataset is over maxmemory and the policy could not free enough (shared.oomerr). */
export const ERR_OOM = "OOM command not allowed when used memory > 'maxmemory'.";

/** Replication (Redis 7.0's replication.c and processCommand). */
export const ERR_NOREPLICAS = 'NOREPLICAS Not enough good replicas to write.';
export const ERR_READONLY_REPLICA = "READONLY You can't write against a read only replica.";
export const ERR_INVALID_MASTER_PORT = 'ERR Invalid master port';
export const ERR_REPLICAOF_WHILE_FAILING_OVER = 'ERR REPLICAOF not allowed while failing over.';
export const ERR_WAIT_ON_REPLICA =
  'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.';
/** WAITAOF (Redis 7.2). */
export const ERR_WAITAOF_ON_REPLICA = 'ERR WAITAOF cannot be used with replica instances. Please also note that writes to replicas are just local and are not propagated.';
export const ERR_FAILOVER_TIMEOUT = 'ERR FAILOVER timeout must be greater than 0';
export const ERR_NO_FAILOVER = 'ERR No failover in progress.';
export const ERR_FAILOVER_IN_PROGRESS = 'ERR FAILOVER already in progress.';
export const ERR_FAILOVER_ON_REPLICA = 'ERR FAILOVER is not valid when server is a replica.';
export const ERR_FAILOVER_NO_REPLICAS = 'ERR FAILOVER requires connected replicas.';
export const ERR_FAILOVER_FORCE = 'ERR FAILOVER with force option requires both a timeout and target HOST and IP.';
export const ERR_FAILOVER_NOT_A_REPLICA = 'ERR FAILOVER target HOST and PORT is not a replica.';
export const ERR_FAILOVER_NOT_ONLINE = 'ERR FAILOVER target replica is not online.';

/** PSYNC from something that did not say where its log stands (a Redis replica, a client): faha streams to faha backups. */
export const ERR_PSYNC_NOT_FAHA = 'ERR faha streams its log to faha backups only: REPLCONF faha must come before PSYNC';
/** PSYNC to a backup: faha has no chained replication; the reply names the primary, and a faha backup follows it. */
export function psyncOnBackup(host: string, port: number): string {
  return `ERR this node is a backup of ${host} ${port}: connect backups to its primary`;
}
/** Reads the primary's address back out of psyncOnBackup's text (a backup told so re-points itself). */
export const PSYNC_ON_BACKUP_PATTERN = /^ERR this node is a backup of (\S+) (\d+):/;
/** PSYNC from a connection that cannot hand over its socket. */
export const ERR_PSYNC_NO_SOCKET = 'ERR PSYNC needs a network connection';
export function unrecognizedReplconfOption(opt: string): string {
  return `ERR Unrecognized REPLCONF option: ${opt}`;
}
/** REPLCONF faha-stale to a node that is not an older primary (already a backup, or of the same or a newer epoch). */
export const ERR_NOT_STALE = 'ERR not a primary of an older epoch';
