// INFO [section ...]: which sections a request names (Redis's genInfoSectionDict: default, all, everything,
// any case) and their text in Redis's order, faha's own section last. Sections are built in the files beside.
import type { Handler } from '../../types.js';
import { adminOf, type ServerAdmin } from '../admin.js';
import { renderSection, type Fields } from './format.js';
import { clientsSection, clusterSection, cpuSection, serverSection } from './general.js';
import { keyspaceSection } from './keyspace.js';
import { memorySection } from './memory.js';
import { fahaSection, persistenceSection } from './persistence.js';
import { replicationSection } from './replication.js';
import { commandstatsSection, errorstatsSection, latencystatsSection, statsSection } from './stats.js';

interface Section {
  /** The names that select it (lower case). */
  names: string[];
  title: string;
  inDefault: boolean;
  fields: (s: ServerAdmin) => Fields;
}

const SECTIONS: Section[] = [
  { names: ['server'], title: 'Server', inDefault: true, fields: serverSection },
  { names: ['clients'], title: 'Clients', inDefault: true, fields: clientsSection },
  { names: ['memory'], title: 'Memory', inDefault: true, fields: memorySection },
  { names: ['persistence'], title: 'Persistence', inDefault: true, fields: persistenceSection },
  { names: ['stats'], title: 'Stats', inDefault: true, fields: statsSection },
  { names: ['replication'], title: 'Replication', inDefault: true, fields: replicationSection },
  { names: ['cpu'], title: 'CPU', inDefault: true, fields: cpuSection },
  { names: ['module_list', 'modules'], title: 'Modules', inDefault: true, fields: () => [] },
  { names: ['commandstats'], title: 'Commandstats', inDefault: false, fields: commandstatsSection },
  { names: ['errorstats'], title: 'Errorstats', inDefault: true, fields: errorstatsSection },
  { names: ['latencystats'], title: 'Latencystats', inDefault: false, fields: latencystatsSection },
  { names: ['cluster'], title: 'Cluster', inDefault: true, fields: clusterSection },
  { names: ['keyspace'], title: 'Keyspace', inDefault: true, fields: (s) => keyspaceSection(s.ks) },
  { names: ['faha'], title: 'Faha', inDefault: true, fields: fahaSection },
];

interface InfoPlan {
  all: boolean;
  /** Requested section names, lower case. */
  names: Set<string>;
}

function addDefaults(names: Set<string>): void {
  for (const s of SECTIONS) if (s.inDefault) names.add(s.names[0]);
}

export function parseInfo(argv: Buffer[]): InfoPlan {
  const names = new Set<string>();
  let all = false;
  if (argv.length === 1) addDefaults(names);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toString('latin1').toLowerCase();
    if (a === 'default') addDefaults(names);
    else if (a === 'all' || a === 'everything') all = true;
    else names.add(a);
  }
  return { all, names };
}

/** The INFO text for a plan: selected sections separated by an empty line. */
export function infoText(s: ServerAdmin, plan: InfoPlan): string {
  const parts: string[] = [];
  for (const sec of SECTIONS) {
    if (plan.all || sec.names.some((n) => plan.names.has(n))) parts.push(renderSection(sec.title, sec.fields(s)));
  }
  return parts.join('\r\n');
}

export const INFO_HANDLER: Handler<InfoPlan> = {
  name: 'info',
  parse: parseInfo,
  exec(ctx, plan) {
    ctx.reply.verbatim(infoText(adminOf(ctx.server), plan));
  },
};
