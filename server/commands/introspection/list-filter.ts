// COMMAND LIST's optional FILTERBY MODULE|ACLCAT|PATTERN: parsing (pure) and the test applied to each command.
// Knows the ACL category names of Redis 7.0; knows nothing of the table.
import { ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, type CommandSpec } from '../types.js';
import { stringMatch } from '../../keyspace/glob.js';

export type ListFilter = { type: 'module' | 'aclcat' | 'pattern'; arg: string } | null;

/** The categories ACL knows (acl.c ACLCommandCategories); any other name selects no command. */
const ACL_CATEGORIES = new Set([
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
]);

/** argv is the whole request (COMMAND LIST ...). Only one FILTERBY, with exactly its two arguments, is valid. */
export function parseListFilter(argv: Buffer[]): ListFilter | ErrorReply {
  if (argv.length === 2) return null;
  if (argv.length !== 5 || argv[2].toString('latin1').toLowerCase() !== 'filterby') return new ErrorReply(ERR_SYNTAX);
  const type = argv[3].toString('latin1').toLowerCase();
  if (type !== 'module' && type !== 'aclcat' && type !== 'pattern') return new ErrorReply(ERR_SYNTAX);
  return { type, arg: argv[4].toString('latin1') };
}

/** True when the command belongs in a COMMAND LIST answer under this filter. */
export function passesFilter(spec: CommandSpec, filter: ListFilter): boolean {
  if (filter === null) return true;
  switch (filter.type) {
    case 'module':
      // faha loads no modules, so no command belongs to one.
      return false;
    case 'aclcat': {
      const cat = filter.arg.toLowerCase();
      return ACL_CATEGORIES.has(cat) && spec.aclCategories.includes('@' + cat);
    }
    case 'pattern':
      return stringMatch(filter.arg, spec.name, true);
  }
}
