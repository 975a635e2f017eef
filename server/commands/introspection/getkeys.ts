// COMMAND GETKEYS / GETKEYSANDFLAGS: which arguments of a full request are keys, checked in Redis's order
// (unknown command, no key arguments, arity, then no keys found). Key finding itself is ../key-extraction.ts.
import {
  ERR_GETKEYS_ARITY,
  ERR_GETKEYS_INVALID_ARGS,
  ERR_GETKEYS_INVALID_COMMAND,
  ERR_GETKEYS_NO_KEYS,
} from '../../resp/errors.js';
import type { ReplyWriter } from '../../resp/reply.js';
import { commandHasKeys, commandKeys } from '../key-extraction.js';
import { arityAccepts, CmdFlag, type CommandTable } from '../registry.js';

/** `request` is the command under question, argv-style (its name first), copied out of the receive buffer. */
export function writeGetKeys(reply: ReplyWriter, table: CommandTable, request: Buffer[], withFlags: boolean): void {
  const def = table.lookupRequest(request);
  if (def === undefined) {
    reply.error(ERR_GETKEYS_INVALID_COMMAND);
    return;
  }
  if (!commandHasKeys(def.spec)) {
    reply.error(ERR_GETKEYS_NO_KEYS);
    return;
  }
  if (!arityAccepts(def, request.length)) {
    reply.error(ERR_GETKEYS_ARITY);
    return;
  }
  const keys = commandKeys(def.spec, request);
  if (keys.length === 0) {
    if ((def.flags & CmdFlag.NoMandatoryKeys) !== 0) reply.array(0);
    else reply.error(ERR_GETKEYS_INVALID_ARGS);
    return;
  }
  reply.array(keys.length);
  for (const k of keys) {
    if (withFlags) reply.array(2);
    reply.bulk(request[k.pos]);
    if (!withFlags) continue;
    reply.set(k.flags.length);
    for (const f of k.flags) reply.simple(f);
  }
}
