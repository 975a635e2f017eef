// Unit tests: the write refusals replication adds to admission (NOREPLICAS on a primary, READONLY on a read-only
// backup) and which commands count as writes (EXEC of a transaction holding one).
import { expect } from 'chai';
import { CmdFlag, type CommandDef } from '../registry.js';
import type { MultiState } from '../types.js';
import { isWriteCommand, replicationRefusal } from '../write-admission.js';
import { FakeView } from './fake-view.js';

function def(name: string, write: boolean): CommandDef {
  return { spec: { name }, flags: write ? CmdFlag.Write : 0 } as unknown as CommandDef;
}

describe('replication write refusals', () => {
  it('a primary refuses writes with NOREPLICAS only while the view says so', () => {
    const view = new FakeView();
    expect(replicationRefusal(view, true)).to.equal(null);
    view.refuseWrites = true;
    expect(replicationRefusal(view, true)).to.equal('NOREPLICAS Not enough good replicas to write.');
  });

  it('a backup refuses writes with READONLY while replica-read-only is set, and never with NOREPLICAS', () => {
    const view = new FakeView();
    view.role = 'backup';
    view.refuseWrites = true;
    expect(replicationRefusal(view, true)).to.equal("READONLY You can't write against a read only replica.");
    expect(replicationRefusal(view, false)).to.equal(null);
  });

  it('EXEC is a write when its transaction queued one', () => {
    const exec = def('exec', false);
    const multi = (w: boolean): MultiState => ({ queue: [{ def: def('get', false), argv: [] }, { def: def('set', w), argv: [] }], aborted: false });
    expect(isWriteCommand(def('set', true), null)).to.equal(true);
    expect(isWriteCommand(def('get', false), null)).to.equal(false);
    expect(isWriteCommand(exec, multi(true))).to.equal(true);
    expect(isWriteCommand(exec, multi(false))).to.equal(false);
    expect(isWriteCommand(exec, null)).to.equal(false);
  });
});
