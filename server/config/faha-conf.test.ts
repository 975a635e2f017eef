// config/faha.conf is the documented default configuration: it must name every directive of the schema, each
// with its schema default and a comment above it, and load without error.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { splitInlineArgs } from '../resp/inline.js';
import { Config } from './config.js';
import { DIRECTIVES, isMultiArg } from './schema.js';
import { parseValue } from './values.js';

const FAHA_CONF = join(PROJECT_ROOT, 'config', 'faha.conf');

describe('config/faha.conf', () => {
  const lines = readFileSync(FAHA_CONF, 'utf8').split('\n');
  const directives = new Map<string, { args: string[]; commented: boolean }>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const args = splitInlineArgs(Buffer.from(t))!.map((a) => a.toString());
    directives.set(args[0], { args: args.slice(1), commented: i > 0 && lines[i - 1].trim().startsWith('#') });
  });

  it('lists every directive faha knows, and only those', () => {
    expect([...directives.keys()].sort()).to.deep.equal(DIRECTIVES.map((d) => d.name).sort());
  });

  it('gives each directive its schema default', () => {
    for (const d of DIRECTIVES) {
      const given = directives.get(d.name)!.args;
      const def = parseValue(d, isMultiArg(d) ? d.default.split(' ') : [d.default]);
      expect(parseValue(d, given), d.name).to.deep.equal(def);
    }
  });

  it('documents each directive in a comment right above it or above its group', () => {
    for (const d of DIRECTIVES) {
      const i = lines.findIndex((l) => l.startsWith(`${d.name} `));
      const above = lines.slice(0, i).reverse().find((l) => l.trim() !== '' && !l.startsWith('latency-tracking '));
      expect(above?.startsWith('#'), d.name).to.equal(true);
    }
  });

  it('loads as a whole, and npm start serves 127.0.0.1:6379 with data in ./data', () => {
    const c = new Config();
    c.loadFile(FAHA_CONF);
    expect(c.str('bind')).to.equal('127.0.0.1 -::1');
    expect(c.num('port')).to.equal(6379);
    expect(c.str('dir')).to.equal('./data');
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).to.equal('node bin/faha-server.js config/faha.conf');
  });
});
