// Every command spec faha knows, grouped as Redis groups them. Only those with a handler are served.
import type { CommandSpec } from '../types.js';
import { CONNECTION_FACTS } from './connection.facts.js';
import { GENERIC_FACTS } from './generic.facts.js';
import { SERVER_FACTS } from './server.facts.js';
import { STRING_FACTS } from './string.facts.js';

export const ALL_SPECS: CommandSpec[] = [...CONNECTION_FACTS, ...SERVER_FACTS, ...STRING_FACTS, ...GENERIC_FACTS];
