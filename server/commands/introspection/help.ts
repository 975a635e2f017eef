// COMMAND HELP: the help lines Redis 7.0 sends, byte for byte (they are reply data, like error strings), framed
// the way addReplyHelp frames every container's HELP.
import type { ReplyWriter } from '../../resp/reply.js';

const COMMAND_HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

/** `commandWord` is argv[0] as the client spelled it; Redis shows it upper-cased in the first line. */
export function writeCommandHelp(reply: ReplyWriter, commandWord: string): void {
  reply.array(COMMAND_HELP.length + 3);
  reply.simple(`${commandWord.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const line of COMMAND_HELP) reply.simple(line);
  reply.simple('HELP');
  reply.simple('    Prints this help.');
}
