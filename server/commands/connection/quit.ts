// QUIT: +OK, then the connection closes once that reply (and everything before it) has been sent.
import { simpleHandler } from '../types.js';

export const quit = simpleHandler('quit', (ctx) => {
  ctx.reply.ok();
  ctx.session.close(true);
});
