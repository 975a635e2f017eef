// Redis's redactClientCommandArgument: a secret argument is replaced, in the argv the dispatcher still holds, by
// "(redacted)" so MONITOR (and later SLOWLOG) never show it. Handlers read the secret before redacting it.

const REDACTED = Buffer.from('(redacted)');

export function redact(argv: Buffer[], i: number): void {
  if (i < argv.length) argv[i] = REDACTED;
}
