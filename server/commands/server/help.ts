// The HELP reply shape Redis's addReplyHelp gives every container command: a header naming the command as the
// client typed it (upper-cased), the command's lines, then HELP itself, all as status replies.
import type { Context } from '../types.js';

export function replyHelp(ctx: Context, typedName: Buffer, lines: string[]): void {
  const r = ctx.reply;
  r.array(lines.length + 3);
  r.simple(`${typedName.toString('latin1').toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const l of lines) r.simple(l);
  r.simple('HELP');
  r.simple('    Prints this help.');
}
