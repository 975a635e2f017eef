// Client names and library attributes must be printable ASCII without spaces ('!'..'~'), so a CLIENT LIST line
// always splits on spaces. Shared by CLIENT SETNAME, HELLO SETNAME and CLIENT SETINFO.

/** True when every byte is in '!'..'~' (Redis's clientSetNameOrReply check). */
export function validName(b: Buffer): boolean {
  for (const c of b) if (c < 0x21 || c > 0x7e) return false;
  return true;
}
