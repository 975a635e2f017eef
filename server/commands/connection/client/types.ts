// Client types as CLIENT LIST TYPE and CLIENT KILL TYPE name them. Every faha connection is a normal client: a
// MONITOR connection counts as normal (as in Redis), and replicas and pub/sub clients do not exist here yet.
import type { Session } from '../../types.js';

export type ClientType = 'normal' | 'master' | 'replica' | 'pubsub';

/** getClientTypeByName: `name` already lower-cased; null when unknown. */
export function clientTypeByName(name: string): ClientType | null {
  switch (name) {
    case 'normal':
    case 'master':
    case 'replica':
    case 'pubsub':
      return name;
    case 'slave':
      return 'replica';
    default:
      return null;
  }
}

export function clientTypeOf(_s: Session): ClientType {
  return 'normal';
}
