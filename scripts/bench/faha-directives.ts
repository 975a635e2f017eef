// Turns the benchmark's --faha-arg / --compare values (name=value) into faha command-line arguments; a percentage
// value is a share of the dataset's bytes (e.g. hot-cache-size=10%). Translation only.

/** `name=value`, checked by the option parser. */
export function splitDirective(spec: string): [string, string] | null {
  const eq = spec.indexOf('=');
  if (eq <= 0) return null;
  return [spec.slice(0, eq), spec.slice(eq + 1)];
}

/** "--name value" pairs; "N%" becomes N% of `datasetBytes`, in whole bytes. */
export function directiveArgs(specs: string[], datasetBytes: number): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const [name, value] = splitDirective(spec) ?? [spec, ''];
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(value);
    out.push(`--${name}`, pct === null ? value : String(Math.round((Number(pct[1]) / 100) * datasetBytes)));
  }
  return out;
}
