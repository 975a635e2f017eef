// One command over a fresh socket, answered by a one-line reply (DBSIZE, PING): the benchmark's checks between
// runs. Not a client: multi-line replies are not read.
import { connect } from 'node:net';

export function rawCommand(port: number, args: string[]): Promise<string> {
  const req = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(req));
    let got = '';
    s.on('data', (b: Buffer) => {
      got += b.toString('latin1');
      const end = got.indexOf('\r\n');
      if (end === -1) return;
      s.destroy();
      if (got.startsWith('-')) reject(new Error(`${args[0]} on port ${port}: ${got.slice(0, end)}`));
      else resolve(got.slice(0, end));
    });
    s.once('error', reject);
  });
}
