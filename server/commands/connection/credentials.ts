// The default user's credentials, as Redis 7.0 derives them from `requirepass`: without one the user is "nopass"
// (any password is accepted), with one only that password is. faha has no other users. Pure: no replies.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/config.js';

const DEFAULT_USER = 'default';

/** True when `user`/`password` authenticate as the default user (ACLAuthenticateUser). */
export function checkCredentials(config: Config, user: Buffer, password: Buffer): boolean {
  if (user.toString('latin1') !== DEFAULT_USER) return false;
  const required = config.str('requirepass');
  if (required === '') return true;
  // Compared as digests, like Redis, so the time taken says nothing about the password.
  return timingSafeEqual(sha256(password), sha256(Buffer.from(required, 'utf8')));
}

/** Whether a fresh (or RESET) connection starts authenticated: only when the default user needs no password. */
export function authenticatedByDefault(config: Config): boolean {
  return config.str('requirepass') === '';
}

/** True when `name` is a user that exists (CLIENT KILL USER). */
export function userExists(name: string): boolean {
  return name === DEFAULT_USER;
}

function sha256(b: Buffer): Buffer {
  return createHash('sha256').update(b).digest();
}
