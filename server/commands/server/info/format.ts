// How INFO spells things: "# Title" sections of "field:value" lines, Redis's bytesToHuman, fixed-point
// numbers. Formatting only; what goes into each section is in the section files beside this one.

/** Fields in Redis's order. Values are printed as given. */
export type Fields = [string, string | number][];

export function renderSection(title: string, fields: Fields): string {
  let out = `# ${title}\r\n`;
  for (const [k, v] of fields) out += `${k}:${v}\r\n`;
  return out;
}

/** Redis's bytesToHuman: B below 1K, then K, M, G, T, P with two decimals. */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  let scale = 1024;
  for (const u of units) {
    if (n < scale * 1024) return `${(n / scale).toFixed(2)}${u}`;
    scale *= 1024;
  }
  return `${n}B`;
}

/** printf("%.<digits>f"). */
export function fixed(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
}

/** printf("%ld.%06ld") of a duration in microseconds, as Redis prints rusage times. */
export function secondsMicros(us: number): string {
  return `${Math.floor(us / 1e6)}.${String(Math.floor(us % 1e6)).padStart(6, '0')}`;
}

/** Redis's getSafeInfoString: names in INFO lines cannot hold '#', ':', CR or LF. */
export function safeInfoName(s: string): string {
  return s.replace(/[#:\r\n]/g, '_');
}

/** A value that must stay on its line. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}
