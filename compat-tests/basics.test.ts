// Differential: the dispatcher's own replies (unknown command, arity) and the first commands, byte for byte.
import { differential } from './harness.js';

describe('compat: dispatcher basics', () => {
  const d = differential();

  it('PING answers PONG, and echoes its argument', async () => {
    await d.pair.cmd('PING');
    await d.pair.cmd('ping', 'hello');
    await d.pair.cmd('PING', 'a', 'b');
  });

  it('an unknown command names itself and its first arguments', async () => {
    await d.pair.cmd('NOSUCHCMD');
    await d.pair.cmd('nosuch', 'a', 'b c', '');
    await d.pair.cmd('x'.repeat(200), 'y'.repeat(100), 'z'.repeat(100), 'w');
  });

  it('a wrong number of arguments names the command in lower case', async () => {
    await d.pair.cmd('GET');
    await d.pair.cmd('get', 'a', 'b');
    await d.pair.cmd('SET', 'k');
  });

  it('GET SET DEL round-trip binary-safe keys and values', async () => {
    const key = Buffer.from([0, 1, 2, 255, 13, 10]);
    const value = Buffer.from([255, 0, 10, 13, 128]);
    await d.pair.cmd('SET', key, value);
    await d.pair.cmd('GET', key);
    await d.pair.cmd('DEL', key, 'other');
    await d.pair.cmd('GET', key);
  });

  it('inline commands are split like redis-cli typed them', async () => {
    await d.pair.raw('PING\r\n');
    await d.pair.raw('SET "a b" "c\\x41\\n"\r\n');
    await d.pair.raw("GET 'a b'\r\n");
    await d.pair.raw('   \r\nPING x\n');
  });
});
