// CONFIG RESETSTAT, REWRITE and HELP (GET and SET are in config-get-set.ts). REWRITE writes the file the
// server started with, through the config module's rewriter.
import { strerror } from '../../config/config.js';
import { rewriteConfigFile } from '../../config/rewrite.js';
import { ERR_NO_CONFIG_FILE, configRewriteFailed } from '../../resp/errors.js';
import { simpleHandler, type Handler } from '../types.js';
import { adminOf } from './admin.js';
import { CONFIG_GET, CONFIG_SET } from './config-get-set.js';
import { replyHelp } from './help.js';

const CONFIG_HELP_LINES = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

export const CONFIG_HANDLERS: Handler<any>[] = [
  CONFIG_GET,
  CONFIG_SET,
  simpleHandler('config|resetstat', (ctx) => {
    const admin = adminOf(ctx.server);
    admin.stats.reset();
    admin.eviction.evictedKeys = 0;
    admin.saves.saves = 0;
    ctx.reply.ok();
  }),
  simpleHandler('config|rewrite', (ctx) => {
    const admin = adminOf(ctx.server);
    const file = ctx.server.config.file;
    if (file === null) {
      ctx.reply.error(ERR_NO_CONFIG_FILE);
      return;
    }
    try {
      rewriteConfigFile(file, ctx.server.config);
    } catch (err) {
      admin.logger.warning(`CONFIG REWRITE failed: ${strerror(err)}`);
      ctx.reply.error(configRewriteFailed(strerror(err)));
      return;
    }
    admin.logger.warning('CONFIG REWRITE executed with success.');
    ctx.reply.ok();
  }),
  simpleHandler('config|help', (ctx, argv) => replyHelp(ctx, argv[0], CONFIG_HELP_LINES)),
];
