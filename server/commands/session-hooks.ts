// Per-connection state kept by families (pub/sub subscriptions, WATCHed keys, …) is dropped through these hooks
// when its connection closes; net/ calls them, families register at module load.
import type { ServerContext, Session } from './types.js';

type ClosedHook = (session: Session, server: ServerContext) => void;
const closedHooks: ClosedHook[] = [];

export function onConnectionClosed(hook: ClosedHook): void {
  closedHooks.push(hook);
}

export function connectionClosed(session: Session, server: ServerContext): void {
  for (const hook of closedHooks) hook(session, server);
}
