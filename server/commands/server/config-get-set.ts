// CONFIG GET and CONFIG SET with Redis 7.0's rules: several patterns or pairs per call; SET checks every name
// first (unknown, immutable, protected, duplicate: the first problem wins), then every value, and changes all or
// nothing. Values are parsed and stored by the config module; this file only speaks the command.
import { DIRECTIVE_BY_NAME, lookupDirective, type Directive } from '../../config/schema.js';
import { isValueError, type Value } from '../../config/values.js';
import { stringMatch } from '../../keyspace/glob.js';
import {
  CONFIG_SET_DUPLICATE, CONFIG_SET_IMMUTABLE, CONFIG_SET_PROTECTED, ERR_SYNTAX, configSetFailed, configSetUnknownOption,
} from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

/** Redis treats a name as a pattern only when it has one of these. */
const GLOB_CHARS = /[*?[]/;

export function configGetMatches(patterns: string[]): [string, Directive][] {
  const out: [string, Directive][] = [];
  // Once per name: a directive and its alias are two names, and Redis lists both.
  const seen = new Set<string>();
  const add = (shown: string, d: Directive) => {
    const name = shown.toLowerCase();
    if (seen.has(name)) return;
    seen.add(name);
    out.push([shown, d]);
  };
  for (const p of patterns) {
    if (!GLOB_CHARS.test(p)) {
      const d = lookupDirective(p);
      // An exact name is echoed as the client spelled it.
      if (d !== undefined) add(p, d);
      continue;
    }
    for (const [name, d] of DIRECTIVE_BY_NAME) if (stringMatch(p, name, true)) add(name, d);
  }
  return out;
}

export const CONFIG_GET: Handler<string[]> = {
  name: 'config|get',
  parse: (argv) => argv.slice(2).map((a) => a.toString('utf8')),
  exec(ctx, patterns) {
    const matches = configGetMatches(patterns);
    ctx.reply.map(matches.length);
    for (const [name, d] of matches) {
      ctx.reply.bulkString(name);
      ctx.reply.bulkString(ctx.server.config.text(d));
    }
  },
};

interface SetPair {
  /** As the client typed it (Redis names it so in name errors). */
  given: string;
  raw: string;
}

/** The first problem with the names, in Redis's order of checks, or the resolved directives. */
function resolveNames(pairs: SetPair[]): Directive[] | ErrorReply {
  const found: Directive[] = [];
  for (const p of pairs) {
    const d = lookupDirective(p.given);
    if (d === undefined) return new ErrorReply(configSetUnknownOption(p.given));
    if (d.mutability !== 'mutable') {
      return new ErrorReply(configSetFailed(p.given, d.mutability === 'immutable' ? CONFIG_SET_IMMUTABLE : CONFIG_SET_PROTECTED));
    }
    if (found.includes(d)) return new ErrorReply(configSetFailed(p.given, CONFIG_SET_DUPLICATE));
    found.push(d);
  }
  return found;
}

function configSet(ctx: Context, pairs: SetPair[]): void {
  const directives = resolveNames(pairs);
  if (directives instanceof ErrorReply) {
    ctx.reply.error(directives.message);
    return;
  }
  const config = ctx.server.config;
  const changes: [Directive, Value][] = [];
  for (let i = 0; i < pairs.length; i++) {
    const d = directives[i];
    const v = config.parseSetValue(d, pairs[i].raw);
    // A bad value names the directive by its own name, whatever the client's spelling.
    if (isValueError(v)) {
      ctx.reply.error(configSetFailed(d.name, v.error));
      return;
    }
    changes.push([d, v]);
  }
  config.commit(changes);
  ctx.reply.ok();
}

export const CONFIG_SET: Handler<SetPair[]> = {
  name: 'config|set',
  parse(argv) {
    if (argv.length % 2 === 1) return new ErrorReply(ERR_SYNTAX);
    const pairs: SetPair[] = [];
    for (let i = 2; i < argv.length; i += 2) pairs.push({ given: argv[i].toString('utf8'), raw: argv[i + 1].toString('utf8') });
    return pairs;
  },
  exec: configSet,
};
