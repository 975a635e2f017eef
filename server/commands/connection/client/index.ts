// The CLIENT subcommands faha serves.
import type { Handler } from '../../types.js';
import { clientHelp } from './help.js';
import { clientGetname, clientId, clientSetinfo, clientSetname } from './identity.js';
import { clientKill } from './kill.js';
import { clientInfo, clientList } from './list.js';
import { clientNoEvict, clientReply } from './modes.js';
import { clientPause, clientUnpause } from './pause.js';

export const CLIENT_HANDLERS: Handler<any>[] = [
  clientHelp,
  clientId,
  clientSetname,
  clientGetname,
  clientSetinfo,
  clientInfo,
  clientList,
  clientKill,
  clientReply,
  clientNoEvict,
  clientPause,
  clientUnpause,
];
