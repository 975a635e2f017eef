// The pubsub commands; this file only lists the handlers. Sharded pub/sub (SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH,
// PUBSUB SHARDCHANNELS/SHARDNUMSUB) is left unserved: doing it as Redis does needs the dispatcher's subscribed
// mode and CLIENT LIST's ssub= to count shard subscriptions, which live outside this family.
import type { Handler } from '../types.js';
import { PUBLISH_HANDLERS } from './publish.js';
import { SUBSCRIBE_HANDLERS } from './subscribe.js';

export const PUBSUB_HANDLERS: Handler<any>[] = [...SUBSCRIBE_HANDLERS, ...PUBLISH_HANDLERS];
