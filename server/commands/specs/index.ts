// Every command spec faha knows, grouped as Redis groups them. Only those with a handler are served.
import type { CommandSpec } from '../types.js';
import { CONNECTION_FACTS } from './connection.facts.js';
import { EXTRA_SUBCOMMANDS } from './extra.js';
import { GENERIC_FACTS } from './generic.facts.js';
import { SERVER_FACTS } from './server.facts.js';
import { STRING_FACTS } from './string.facts.js';

function withExtras(specs: CommandSpec[]): CommandSpec[] {
  return specs.map((s) => {
    const extra = EXTRA_SUBCOMMANDS.filter((e) => e.parent === s.name).map((e) => e.spec);
    return extra.length === 0 ? s : { ...s, subcommands: [...(s.subcommands ?? []), ...extra] };
  });
}

export const ALL_SPECS: CommandSpec[] = withExtras([...CONNECTION_FACTS, ...SERVER_FACTS, ...STRING_FACTS, ...GENERIC_FACTS]);
