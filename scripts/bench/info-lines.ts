// Fetches one INFO section over a fresh raw RESP connection and returns its field lines: the benchmarks print
// the ones they care about. Asking only.
import { connect } from 'node:net';

export function infoLines(port: number, section: string): Promise<string[]> {
  const req = `*2\r\n$4\r\nINFO\r\n$${Buffer.byteLength(section)}\r\n${section}\r\n`;
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(req));
    let got = Buffer.alloc(0);
    s.on('data', (b: Buffer) => {
      got = Buffer.concat([got, b]);
      const crlf = got.indexOf('\r\n');
      if (crlf < 0) return;
      if (got[0] !== 0x24) {
        s.destroy();
        reject(new Error(`INFO ${section} on port ${port}: ${got.toString('latin1', 0, crlf)}`));
        return;
      }
      const len = Number(got.toString('latin1', 1, crlf));
      if (got.length < crlf + 2 + len + 2) return;
      s.destroy();
      resolve(got.toString('latin1', crlf + 2, crlf + 2 + len).split('\r\n').filter((l) => l !== '' && !l.startsWith('#')));
    });
    s.once('error', reject);
  });
}
