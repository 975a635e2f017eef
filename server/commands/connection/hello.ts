// HELLO [protover [AUTH user pass] [SETNAME name]]. Redis 7.0 applies AUTH and SETNAME while it walks the
// options, so an error further on leaves the earlier ones in effect; exec replays that walk from the parsed plan.
import {
  ERR_CLIENT_NAME, ERR_HELLO_NOAUTH, ERR_NOPROTO, ERR_PROTOCOL_VERSION, ERR_WRONGPASS, helloSyntaxError,
} from '../../resp/errors.js';
import { REDIS_COMPAT_VERSION } from '../../version.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { validName } from './client-name.js';
import { checkCredentials } from './credentials.js';
import { redact } from './redact.js';
import { cString, parseLongLong, word } from '../args.js';

type Step = { kind: 'auth'; at: number } | { kind: 'setname'; at: number } | { kind: 'syntax'; option: string };

interface HelloPlan {
  /** The argv the dispatcher holds: AUTH's arguments are redacted in it. */
  argv: Buffer[];
  version: 2 | 3 | null;
  steps: Step[];
}

function parseSteps(argv: Buffer[]): Step[] {
  const steps: Step[] = [];
  for (let j = 2; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = word(argv[j]);
    if (opt === 'auth' && more >= 2) {
      steps.push({ kind: 'auth', at: j + 1 });
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      steps.push({ kind: 'setname', at: j + 1 });
      j++;
    } else {
      steps.push({ kind: 'syntax', option: cString(argv[j]) });
      break;
    }
  }
  return steps;
}

export const hello: Handler<HelloPlan> = {
  name: 'hello',
  parse(argv) {
    let version: 2 | 3 | null = null;
    if (argv.length >= 2) {
      const v = parseLongLong(argv[1]);
      if (v === null) return new ErrorReply(ERR_PROTOCOL_VERSION);
      if (v !== 2n && v !== 3n) return new ErrorReply(ERR_NOPROTO);
      version = v === 2n ? 2 : 3;
    }
    return { argv, version, steps: parseSteps(argv) };
  },
  exec(ctx, plan) {
    for (const step of plan.steps) if (!runStep(ctx, plan.argv, step)) return;
    const s = ctx.session;
    if (!s.authenticated) {
      ctx.reply.error(ERR_HELLO_NOAUTH);
      return;
    }
    if (plan.version !== null) s.setResp(plan.version);
    writeHelloReply(ctx);
  },
};

/** Applies one option; false after replying with the error that ends the command. */
function runStep(ctx: Context, argv: Buffer[], step: Step): boolean {
  switch (step.kind) {
    case 'auth': {
      const user = argv[step.at];
      const password = argv[step.at + 1];
      redact(argv, step.at);
      redact(argv, step.at + 1);
      if (!checkCredentials(ctx.server.config, user, password)) {
        ctx.reply.error(ERR_WRONGPASS);
        return false;
      }
      ctx.session.authenticated = true;
      return true;
    }
    case 'setname': {
      const name = argv[step.at];
      if (!validName(name)) {
        ctx.reply.error(ERR_CLIENT_NAME);
        return false;
      }
      ctx.session.name = name.toString('latin1');
      return true;
    }
    case 'syntax':
      ctx.reply.error(helloSyntaxError(step.option));
      return false;
  }
}

/** The map every successful HELLO answers with, in the protocol just selected. */
function writeHelloReply(ctx: Context): void {
  const r = ctx.reply;
  r.map(7);
  r.bulkString('server');
  r.bulkString('redis');
  r.bulkString('version');
  r.bulkString(REDIS_COMPAT_VERSION);
  r.bulkString('proto');
  r.integer(ctx.session.resp);
  r.bulkString('id');
  r.integer(ctx.session.id);
  r.bulkString('mode');
  r.bulkString('standalone');
  r.bulkString('role');
  r.bulkString('master');
  r.bulkString('modules');
  r.array(0);
}
