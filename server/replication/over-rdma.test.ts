// Issue 7: the replication test suite, unchanged, over the RDMA transport. A child mocha runs this directory's
// other test files with FAHA_TEST_REPLICATION_TRANSPORT=rdma, which makes every cluster use
// --replication-transport rdma through the libibverbs test double (server/testing/replication-cluster.ts): primary
// kill and promotion, a backup killed or stopped and caught up, full sync after cleaning, identical logs.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

describe('replication over RDMA (the test double)', function () {
  this.timeout(300_000);

  it('passes the whole replication suite with every link on the RDMA transport', () => {
    const files = readdirSync(here)
      .filter((f) => f.endsWith('.test.js') && f !== basename(fileURLToPath(import.meta.url)))
      .map((f) => join(here, f));
    expect(files.length, 'replication test files found').to.be.greaterThan(3);
    const r = spawnSync(process.execPath, [MOCHA, '--no-config', '--timeout', '60000', '--exit', '--reporter', 'dot', ...files], {
      env: { ...process.env, FAHA_TEST_REPLICATION_TRANSPORT: 'rdma' },
      encoding: 'utf8',
      timeout: 280_000,
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status, out).to.equal(0);
    expect(out).to.match(/\d+ passing/);
    expect(out).not.to.match(/\d+ failing/);
  });
});
