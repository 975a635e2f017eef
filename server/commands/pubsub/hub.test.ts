// The pub/sub registry on its own: delivery order and frames, bookkeeping of channels and patterns, notification classes.
import { expect } from 'chai';
import { NotifyClass } from '../../keyspace/notify.js';
import { ReplyWriter } from '../../resp/reply.js';
import type { Session } from '../types.js';
import { PubSubHub } from './hub.js';

/** A session that records what is delivered to it, as RESP bytes. */
function fakeSession(resp: 2 | 3 = 2): Session & { out: () => string } {
  const w = new ReplyWriter();
  w.resp = resp;
  const s = {
    resp,
    subscriptions: { channels: new Set<string>(), patterns: new Set<string>() },
    deliver: (write: (r: ReplyWriter) => void) => write(w),
    out: () => Buffer.concat(w.take()).toString('latin1'),
  };
  return s as unknown as Session & { out: () => string };
}

describe('PubSubHub', () => {
  it('delivers to channel subscribers in subscription order, then to each matching pattern', () => {
    const hub = new PubSubHub();
    const a = fakeSession();
    const b = fakeSession(3);
    hub.add(a, 'news', false);
    hub.add(b, 'news', false);
    hub.add(a, 'n*', true);
    expect(hub.publish(Buffer.from('news'), Buffer.from('hi'))).to.equal(3);
    expect(a.out()).to.equal('*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
    expect(b.out()).to.equal('>3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
  });

  it('forgets a channel when its last subscriber leaves, and a subscription only once', () => {
    const hub = new PubSubHub();
    const a = fakeSession();
    expect(hub.add(a, 'c', false)).to.equal(true);
    expect(hub.add(a, 'c', false)).to.equal(false);
    hub.add(a, 'p*', true);
    expect(hub.remove(a, 'c', false)).to.equal(true);
    expect(hub.remove(a, 'c', false)).to.equal(false);
    expect(hub.channels.size).to.equal(0);
    hub.dropAll(a);
    expect(hub.patterns.size).to.equal(0);
    expect(a.subscriptions.patterns.size).to.equal(0);
  });

  it('publishes a keyspace notification only for enabled classes, on the channels K and E ask for', () => {
    const hub = new PubSubHub();
    const a = fakeSession();
    hub.add(a, '__key*', true);
    hub.notify(NotifyClass.String, 'set', 3, 'k');
    expect(a.out()).to.equal('');
    hub.notifyFlags = NotifyClass.Keyevent | NotifyClass.String;
    hub.notify(NotifyClass.Generic, 'del', 3, 'k');
    hub.notify(NotifyClass.String, 'set', 3, 'k');
    expect(a.out()).to.equal('*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$18\r\n__keyevent@3__:set\r\n$1\r\nk\r\n');
  });
});
