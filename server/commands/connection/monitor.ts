// MONITOR: from now on the connection also receives a line for every command the server runs (the dispatcher
// formats and delivers them). A second MONITOR on the same connection gets no reply at all, as in Redis.
import { simpleHandler } from '../types.js';

export const monitor = simpleHandler('monitor', (ctx) => {
  const s = ctx.session;
  if (s.isMonitor) return;
  s.isMonitor = true;
  ctx.server.clients.monitors.add(s);
  ctx.reply.ok();
});
