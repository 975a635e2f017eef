// Where the project's own files are, found by walking up from this module to package.json, so compiled code
// works from dist/ or any other build directory.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The directory holding package.json. */
export const PROJECT_ROOT = findRoot();
