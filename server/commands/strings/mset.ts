// MSET and MSETNX: several whole-value writes applied together (one event-loop turn, so one batch); MSETNX
// writes only when none of the keys exists. Both clear deadlines, as SET does.
import { setMany } from '../../keyspace/strings.js';
import { wrongArity } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';

interface MsetPlan {
  keys: string[];
  values: Buffer[];
}

function parsePairs(argv: Buffer[], name: string): MsetPlan | ErrorReply {
  // The spec's arity only says "at least 3"; an unpaired key is still an arity error in Redis's words.
  if (argv.length % 2 === 0) return new ErrorReply(wrongArity(name));
  const keys: string[] = [];
  const values: Buffer[] = [];
  for (let i = 1; i < argv.length; i += 2) {
    keys.push(argv[i].toString('latin1'));
    values.push(argv[i + 1]);
  }
  return { keys, values };
}

export const msetHandler: Handler<MsetPlan> = {
  name: 'mset',
  parse: (argv) => parsePairs(argv, 'mset'),
  exec(ctx, p) {
    setMany(ctx.ks, ctx.session.db, p.keys, p.values, false);
    ctx.reply.ok();
  },
};

export const msetnxHandler: Handler<MsetPlan> = {
  name: 'msetnx',
  parse: (argv) => parsePairs(argv, 'msetnx'),
  exec(ctx, p) {
    ctx.reply.integer(setMany(ctx.ks, ctx.session.db, p.keys, p.values, true) ? 1 : 0);
  },
};
