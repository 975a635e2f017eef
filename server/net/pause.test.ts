// PauseState: how successive CLIENT PAUSE calls combine, and which commands a pause holds back.
import { expect } from 'chai';
import { CmdFlag, type CommandDef } from '../commands/registry.js';
import { PauseState } from './pause.js';

function def(flags: number): CommandDef {
  return { spec: { name: 'x' } as CommandDef['spec'], handler: null, flags, subcommands: null, parent: null };
}

const GET = def(CmdFlag.ReadOnly | CmdFlag.Fast);
const SET = def(CmdFlag.Write | CmdFlag.DenyOom);
const PUBLISH = def(CmdFlag.PubSub | CmdFlag.MayReplicate);

describe('PauseState', () => {
  it('a WRITE pause holds back commands that may write or replicate, and nothing once it ends', () => {
    const p = new PauseState();
    expect(p.set(1500, true, 1000)).to.equal(1500);
    expect(p.holds(SET, 1000)).to.equal(true);
    expect(p.holds(PUBLISH, 1499)).to.equal(true);
    expect(p.holds(GET, 1000)).to.equal(false);
    expect(p.holds(SET, 1500)).to.equal(false);
  });

  it('an ALL pause holds back everything', () => {
    const p = new PauseState();
    p.set(2000, false, 1000);
    expect(p.holds(GET, 1999)).to.equal(true);
  });

  it('a later pause lengthens the end and widens WRITE to ALL, never the reverse', () => {
    const p = new PauseState();
    p.set(2000, false, 1000);
    expect(p.set(1200, true, 1100)).to.equal(2000);
    expect(p.holds(GET, 1500)).to.equal(true);
    expect(p.set(3000, true, 1100)).to.equal(3000);
    expect(p.holds(GET, 2500)).to.equal(true);
  });

  it('a pause that ended no longer widens a new one', () => {
    const p = new PauseState();
    p.set(2000, false, 1000);
    p.set(5000, true, 2500);
    expect(p.holds(GET, 3000)).to.equal(false);
    expect(p.holds(SET, 3000)).to.equal(true);
  });

  it('an end already past pauses nothing, and clear ends a pause', () => {
    const p = new PauseState();
    expect(p.set(0, false, 1000)).to.equal(0);
    expect(p.set(-1, false, 1000)).to.equal(0);
    expect(p.active(1000)).to.equal(false);
    p.set(5000, false, 1000);
    p.clear();
    expect(p.holds(SET, 1001)).to.equal(false);
  });
});
