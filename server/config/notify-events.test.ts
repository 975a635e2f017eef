// The notify-keyspace-events grammar: letters to class bits, Redis's normal form for CONFIG GET, its error text.
import { expect } from 'chai';
import { NotifyClass } from '../keyspace/notify.js';
import { Config } from './config.js';
import { lookupDirective } from './schema.js';
import { NOTIFY_ALL, NOTIFY_EVENTS_INVALID, checkNotifyEvents, notifyFlagsOf, notifyLettersOf } from './notify-events.js';

describe('notify-keyspace-events grammar', () => {
  it('reads each class letter, A as every class but m and n', () => {
    expect(notifyFlagsOf('')).to.equal(0);
    expect(notifyFlagsOf('KE')).to.equal(NotifyClass.Keyspace | NotifyClass.Keyevent);
    expect(notifyFlagsOf('A')).to.equal(NOTIFY_ALL);
    expect(notifyFlagsOf('A')! & (NotifyClass.KeyMiss | NotifyClass.New)).to.equal(0);
    expect(notifyFlagsOf('g$lshzxetd')).to.equal(NOTIFY_ALL);
  });

  it('refuses any other character with Redis\'s message', () => {
    expect(notifyFlagsOf('KEq')).to.equal(null);
    expect(notifyFlagsOf('k')).to.equal(null);
    expect(checkNotifyEvents('K E')).to.equal(NOTIFY_EVENTS_INVALID);
    expect(checkNotifyEvents('KEA')).to.equal(null);
  });

  it('prints classes in Redis\'s order, A hiding n, then K, E and m', () => {
    expect(notifyLettersOf(notifyFlagsOf('KEA')!)).to.equal('AKE');
    expect(notifyLettersOf(notifyFlagsOf('Kx')!)).to.equal('xK');
    expect(notifyLettersOf(notifyFlagsOf('mnE')!)).to.equal('nEm');
    expect(notifyLettersOf(notifyFlagsOf('nA')!)).to.equal('A');
  });

  it('CONFIG GET shows the normal form while the stored value keeps every class', () => {
    const c = new Config();
    const d = lookupDirective('notify-keyspace-events')!;
    const v = c.parseSetValue(d, 'nAKE');
    c.commit([[d, v as string]]);
    expect(c.text(d)).to.equal('AKE');
    expect(notifyFlagsOf(c.str('notify-keyspace-events'))! & NotifyClass.New).to.equal(NotifyClass.New);
    expect(c.parseSetValue(d, 'x!')).to.deep.equal({ error: NOTIFY_EVENTS_INVALID });
  });
});
