// Option words as Redis compares them: case-insensitively, and as C strings, so the word ends at the first NUL
// byte ("nx\0junk" is NX to Redis). Pure; shared by the string commands' option parsers.

/** The argument as a lowercase option word (latin1, up to the first NUL), or null if longer than `maxLen`. */
export function optionWord(arg: Buffer, maxLen: number): string | null {
  const nul = arg.indexOf(0);
  const n = nul < 0 ? arg.length : nul;
  if (n > maxLen) return null;
  return arg.toString('latin1', 0, n).toLowerCase();
}
