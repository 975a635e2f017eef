// faha-server's arguments, read the way redis-server's main() reads them: an optional config file first, `-` for
// stdin, and `--directive value ...` options that become config lines appended after the file. Pure: no I/O.
import { sdsRepr } from '../resp/repr.js';

export type CommandLine =
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'run'; configFile: string | null; stdin: boolean; options: string };

export function parseCommandLine(argv: string[]): CommandLine {
  if (argv.length === 0) return { kind: 'run', configFile: null, stdin: false, options: '' };
  if (argv[0] === '-v' || argv[0] === '--version') return { kind: 'version' };
  if (argv[0] === '--help' || argv[0] === '-h') return { kind: 'help' };
  let j = 0;
  let configFile: string | null = null;
  if (!argv[0].startsWith('-')) {
    configFile = argv[0];
    j = 1;
  }
  let stdin = false;
  let options = '';
  // False right after an option name given alone ("--port"): the next word is its value even if it starts with --.
  let handledLast = true;
  for (; j < argv.length; j++) {
    const a = argv[j];
    if (a === '-' && (j === 0 || j === argv.length - 1)) {
      stdin = true;
    } else if (handledLast && a.startsWith('--')) {
      if (options !== '') options += '\n';
      options += a.slice(2) + ' ';
      if (/^--\S*\s*$/.test(a)) {
        handledLast = false;
        // `--save` followed by another option, or last, means `save ""` (what an empty array expands to).
        if (a.toLowerCase() === '--save' && (j === argv.length - 1 || argv[j + 1].startsWith('--'))) {
          options += '""';
          handledLast = true;
        }
      } else {
        handledLast = true;
      }
    } else {
      options += reprArg(a) + ' ';
      handledLast = true;
    }
  }
  return { kind: 'run', configFile, stdin, options };
}

/** The whole configuration text, as Redis assembles it: file, then stdin, then the options on following lines. */
export function assembleConfigText(fileText: string, stdinText: string, options: string): string {
  let text = fileText + stdinText;
  if (options !== '') text += '\n' + options;
  return text;
}

/**
 * Redis's sdscatrepr: the argument in double quotes, with \\ \" \n \r \t \a \b escaped and bytes outside
 * printable ASCII as \xHH, so the config parser reads back exactly the bytes given.
 */
export function reprArg(a: string): string {
  return sdsRepr(Buffer.from(a, 'utf8'));
}
