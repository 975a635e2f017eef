// TIME: the wall clock as [unix seconds, microseconds], both as bulk strings.
import { simpleHandler, type Handler } from '../types.js';
import { nowMicros } from './info/general.js';

export const TIME_HANDLER: Handler<Buffer[]> = simpleHandler('time', (ctx) => {
  const us = nowMicros();
  ctx.reply.array(2);
  ctx.reply.bulkString(String(Math.floor(us / 1e6)));
  ctx.reply.bulkString(String(us % 1e6));
});
