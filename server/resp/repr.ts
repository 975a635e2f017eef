// Redis's sdscatrepr: bytes in double quotes, printable ASCII as is, \\ \" \n \r \t \a \b escaped and every other
// byte as \xHH. MONITOR lines, config rewrites and command-line options all quote this way.

export function sdsRepr(b: Buffer): string {
  let out = '"';
  for (const c of b) {
    switch (c) {
      case 0x5c: out += '\\\\'; break;
      case 0x22: out += '\\"'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x07: out += '\\a'; break;
      case 0x08: out += '\\b'; break;
      default:
        out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}
