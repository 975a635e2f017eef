// Version facts: faha's own, and the Redis version whose behaviour it implements (reported where clients look
// for Redis's version: INFO redis_version, HELLO).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const FAHA_VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const REDIS_COMPAT_VERSION = '7.0.15';
