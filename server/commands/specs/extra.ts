// Specs of (sub)commands faha serves that Redis 7.0 does not have, written by hand from the later Redis
// version that introduced them. Each names its parent container.
import type { CommandSpec } from '../types.js';

export const EXTRA_SUBCOMMANDS: { parent: string; spec: CommandSpec }[] = [];
