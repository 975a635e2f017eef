// Connection commands (PING, ECHO, QUIT, SELECT, SWAPDB, HELLO, AUTH, RESET, CLIENT …) and MONITOR.
import type { Handler } from '../types.js';
import { auth } from './auth.js';
import { CLIENT_HANDLERS } from './client/index.js';
import { hello } from './hello.js';
import { monitor } from './monitor.js';
import { echo, ping } from './ping.js';
import { quit } from './quit.js';
import { reset } from './reset.js';
import { select, swapdb } from './select.js';

export const CONNECTION_HANDLERS: Handler<any>[] = [ping, echo, quit, select, swapdb, hello, auth, reset, monitor, ...CLIENT_HANDLERS];
