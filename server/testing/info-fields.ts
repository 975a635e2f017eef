// Test support: an INFO reply as field → value (section headers and blank lines dropped).
import { decodeReply } from './resp-frame.js';

export function infoFields(reply: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (decodeReply(reply).value as string).split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}
