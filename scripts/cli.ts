// How the project's measuring scripts (bench, soak) run as programs: options parsed first (a bad one prints the
// usage and exits 2, --help prints it and exits 0), then the work; Ctrl-C or a crash removes what they made.
/** A bad command-line option: its message is shown above the usage. */
export class UsageError extends Error {}

/** The options of `argv` in order, each with a reader of the value that follows it. */
export function* options(argv: string[]): Generator<[string, () => string]> {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    yield [
      a,
      () => {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        return v;
      },
    ];
  }
}

export function runCli<O>(name: string, usage: string, parse: (argv: string[]) => O | 'help', work: (o: O) => Promise<number>, cleanUp: () => void): void {
  const main = async (): Promise<number> => {
    let opts: O | 'help';
    try {
      opts = parse(process.argv.slice(2));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${err.message}\n${usage}\n`);
      return 2;
    }
    if (opts === 'help') {
      process.stdout.write(usage + '\n');
      return 0;
    }
    return work(opts);
  };
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  main().then(
    (code) => process.exit(code),
    (err) => {
      cleanUp();
      process.stderr.write(`${name}: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
