// Persistent mappings of log files: libpmem when installed (pmem_map_file / pmem_persist / pmem_msync), else libc
// mmap + msync. Both give the same MappedFile; which one runs is reported by INFO and --version.
import { statSync } from 'node:fs';
import koffi from 'koffi';
import { checkFault, injectedFault } from './fault-points.js';
import { LibcError, closeFd, mmapShared, msyncRange, msyncRangeAsync, munmap, openAndAllocate, populateWriteAsync, viewOf } from './libc.js';

export type BackendName = 'libpmem' | 'libc';

export interface MappedFile {
  readonly path: string;
  readonly size: number;
  /** The mapping itself: bytes stored here are in the file. */
  readonly buf: Buffer;
  /** Where the mapping starts in this process (an RDMA transport registers it as a memory region). */
  readonly address: bigint;
  /** True when stores become durable by cache flushes alone (real or forced pmem), so persisting is cheap. */
  readonly isPmem: boolean;
  persist(offset: number, length: number): void;
  persistAsync(offset: number, length: number, done: (err: Error | null) => void): void;
  /** Pre-faults a range for writing off the event loop (see populateWriteAsync). */
  prefault(offset: number, length: number, done: () => void): void;
  unmap(): void;
}

export interface PersistenceBackend {
  readonly name: BackendName;
  /** Human-readable: what runs and why (printed at start-up and in INFO). */
  readonly description: string;
  map(path: string, size: number, create: boolean): MappedFile;
}

const PMEM_FILE_CREATE = 1;

class PmemBackend implements PersistenceBackend {
  readonly name = 'libpmem' as const;
  readonly description: string;
  private readonly mapFile;
  private readonly persistFn;
  private readonly msyncFn;
  private readonly unmapFn;
  private readonly errormsg;

  constructor(lib: ReturnType<typeof koffi.load>) {
    this.mapFile = lib.func('void *pmem_map_file(const char *path, size_t len, int flags, uint32_t mode, _Out_ size_t *mapped_lenp, _Out_ int *is_pmemp)');
    this.persistFn = lib.func('void pmem_persist(const void *addr, size_t len)');
    this.msyncFn = lib.func('int pmem_msync(const void *addr, size_t len)');
    this.unmapFn = lib.func('int pmem_unmap(void *addr, size_t len)');
    this.errormsg = lib.func('const char *pmem_errormsg(void)');
    const forced = process.env.PMEM_IS_PMEM_FORCE === '1';
    this.description = `libpmem (libpmem.so.1${forced ? ', PMEM_IS_PMEM_FORCE=1' : ''})`;
  }

  map(path: string, size: number, create: boolean): MappedFile {
    if (create) checkFault('segment-create', `pmem_map_file ${path}`);
    const mappedLen = [0];
    const isPmem = [0];
    const addr = this.mapFile(path, create ? size : 0, create ? PMEM_FILE_CREATE : 0, 0o644, mappedLen, isPmem);
    if (addr === null || addr === 0n) {
      const e = new Error(`pmem_map_file ${path}: ${this.errormsg() as string}`) as Error & { code: string };
      e.code = /No space/i.test(e.message) ? 'ENOSPC' : 'EIO';
      throw e;
    }
    const length = Number(mappedLen[0]);
    const p = addr as bigint;
    const pmem = isPmem[0] === 1;
    const { persistFn, msyncFn, unmapFn, errormsg } = this;
    return withPersistFaults({
      path,
      size: length,
      buf: viewOf(p, length),
      address: p,
      isPmem: pmem,
      persist(offset, len) {
        if (len <= 0) return;
        if (pmem) persistFn(p + BigInt(offset), len);
        else if ((msyncFn(p + BigInt(offset), len) as number) !== 0) throw new LibcError(`pmem_msync: ${errormsg() as string}`, koffi.errno());
      },
      persistAsync(offset, len, done) {
        if (len <= 0 || pmem) {
          if (len > 0) persistFn(p + BigInt(offset), len);
          done(null);
          return;
        }
        msyncFn.async(p + BigInt(offset), len, (err: unknown, rc: number) => {
          if (err) done(err instanceof Error ? err : new Error(String(err)));
          else if (rc !== 0) done(new LibcError('pmem_msync', koffi.errno()));
          else done(null);
        });
      },
      prefault(offset, len, done) {
        populateWriteAsync(p, offset, len, done);
      },
      unmap() {
        unmapFn(p, length);
      },
    });
  }
}

class LibcBackend implements PersistenceBackend {
  readonly name = 'libc' as const;
  constructor(readonly description: string) {}

  map(path: string, size: number, create: boolean): MappedFile {
    if (create) checkFault('segment-create', `posix_fallocate ${path}`);
    const fd = openAndAllocate(path, size, create);
    let length = size;
    try {
      if (!create) length = fstatSize(path);
      const p = mmapShared(fd, length);
      return withPersistFaults({
        path,
        size: length,
        buf: viewOf(p, length),
        address: p,
        isPmem: false,
        persist: (offset, len) => {
          if (len > 0) msyncRange(p, offset, len);
        },
        persistAsync: (offset, len, done) => {
          if (len <= 0) done(null);
          else msyncRangeAsync(p, offset, len, done);
        },
        prefault: (offset, len, done) => populateWriteAsync(p, offset, len, done),
        unmap: () => munmap(p, length),
      });
    } finally {
      // The mapping keeps the file referenced; the descriptor is not needed any more.
      closeFd(fd);
    }
  }
}

/** Routes persisting through the 'persist' fault point (one Map size check when nothing is armed). */
function withPersistFaults(file: MappedFile): MappedFile {
  const { persist, persistAsync } = file;
  file.persist = (offset, len) => {
    checkFault('persist', 'msync');
    persist(offset, len);
  };
  file.persistAsync = (offset, len, done) => {
    const err = injectedFault('persist', 'msync');
    if (err !== null) setImmediate(() => done(err));
    else persistAsync(offset, len, done);
  };
  return file;
}

function fstatSize(path: string): number {
  return statSync(path).size;
}

/**
 * Picks the backend: `libpmem` requires libpmem, `libc` forces the fallback, `auto` prefers libpmem and
 * says so when it is missing. `library` is the shared object to try (tests name a missing one).
 */
export function openBackend(choice: 'auto' | BackendName, library = 'libpmem.so.1'): PersistenceBackend {
  if (choice !== 'libc') {
    try {
      return new PmemBackend(koffi.load(library));
    } catch (err) {
      if (choice === 'libpmem') throw new Error(`persistence-backend libpmem: cannot load ${library} (${(err as Error).message})`);
      return new LibcBackend(`libc mmap/msync (fallback: ${library} not found; install libpmem1 to use it)`);
    }
  }
  return new LibcBackend('libc mmap/msync (chosen by persistence-backend libc)');
}
