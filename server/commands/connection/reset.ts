// RESET: the connection returns to the state of a new one (Redis 7.0's clearClientConnectionState): out of
// MONITOR, db 0, RESP2, default authentication, state other families keep (MULTI, subscriptions) dropped through
// their reset hooks, no name, replies on. CLIENT NO-EVICT and the library name/version survive, as in 7.0.15.
import { simpleHandler, type Context } from '../types.js';
import { authenticatedByDefault } from './credentials.js';

type ResetHook = (ctx: Context) => void;
const hooks: ResetHook[] = [];

/** Lets a family (MULTI, pub/sub, tracking…) drop its per-connection state when the connection is RESET. */
export function onConnectionReset(hook: ResetHook): void {
  hooks.push(hook);
}

export function resetConnection(ctx: Context): void {
  const s = ctx.session;
  if (s.isMonitor) {
    ctx.server.clients.monitors.delete(s);
    s.isMonitor = false;
  }
  s.db = 0;
  s.setResp(2);
  s.authenticated = authenticatedByDefault(ctx.server.config);
  for (const hook of hooks) hook(ctx);
  s.name = '';
  // Clears OFF and a pending SKIP, but not the skip of RESET itself (Redis keeps CLIENT_REPLY_SKIP here).
  if (s.replyMode !== 'on') s.replyMode = 'on';
}

export const reset = simpleHandler('reset', (ctx) => {
  resetConnection(ctx);
  ctx.reply.simple('RESET');
});
