// Server commands (INFO, CONFIG, FLUSHALL, SHUTDOWN …).
import { simpleHandler, type Handler } from '../types.js';

export const SERVER_HANDLERS: Handler<any>[] = [
  simpleHandler('flushall', (ctx) => {
    ctx.ks.flushAll();
    ctx.reply.ok();
  }),
];
