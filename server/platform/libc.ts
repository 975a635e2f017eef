// libc entry points the engine needs and Node does not offer (mmap, msync, posix_fallocate, flock), bound with koffi.
// Owns nothing but the bindings and errno translation; callers decide policy.
import koffi from 'koffi';

export const O_RDWR = 0o2;
export const O_CREAT = 0o100;
export const O_CLOEXEC = 0o2000000;
const PROT_READ = 0x1;
const PROT_WRITE = 0x2;
const MAP_SHARED = 0x1;
const MS_SYNC = 0x4;
const MADV_POPULATE_WRITE = 23;
const LOCK_EX = 2;
const LOCK_NB = 4;
export const PAGE_SIZE = 4096;

const libc = koffi.load('libc.so.6');
const c = {
  open: libc.func('int open(const char *path, int flags, uint32_t mode)'),
  close: libc.func('int close(int fd)'),
  posix_fallocate: libc.func('int posix_fallocate(int fd, int64_t offset, int64_t len)'),
  mmap: libc.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)'),
  munmap: libc.func('int munmap(void *addr, size_t length)'),
  msync: libc.func('int msync(void *addr, size_t length, int flags)'),
  flock: libc.func('int flock(int fd, int operation)'),
  madvise: libc.func('int madvise(void *addr, size_t length, int advice)'),
  strerror: libc.func('const char *strerror(int errnum)'),
};

/** An OS error from a libc call, carrying errno's symbolic code (ENOSPC, EIO…) like Node's own errors. */
export class LibcError extends Error {
  constructor(readonly call: string, readonly errno: number) {
    super(`${call}: ${c.strerror(errno) as string}`);
  }
  get code(): string {
    return errnoName(this.errno);
  }
}

const ERRNO_NAMES: Record<number, string> = { 1: 'EPERM', 2: 'ENOENT', 5: 'EIO', 9: 'EBADF', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 22: 'EINVAL', 27: 'EFBIG', 28: 'ENOSPC', 30: 'EROFS', 122: 'EDQUOT' };
export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `E${errno}`;
}

export function strerror(errno: number): string {
  return c.strerror(errno) as string;
}

/** The errno called `name` (ENOSPC, EIO…), or -1 when faha does not know the name. */
export function errnoByName(name: string): number {
  const upper = name.toUpperCase();
  for (const [n, v] of Object.entries(ERRNO_NAMES)) if (v === upper) return Number(n);
  return -1;
}

/** The errno an OS error carries (a LibcError, Node's fs errors, or one with only a `code`), or 0 when none. */
export function errnoOf(err: Error): number {
  if (err instanceof LibcError) return err.errno;
  const e = err as Error & { errno?: unknown; code?: unknown };
  if (typeof e.errno === 'number' && e.errno !== 0) return Math.abs(e.errno);
  return typeof e.code === 'string' ? Math.max(0, errnoByName(e.code)) : 0;
}

function isMapFailed(p: unknown): boolean {
  return p === null || p === -1n || p === 0xffffffffffffffffn;
}

/** Opens (creating if asked) and preallocates `size` bytes, so later stores into the mapping cannot hit ENOSPC. */
export function openAndAllocate(path: string, size: number, create: boolean): number {
  const fd = c.open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o644) as number;
  if (fd < 0) throw new LibcError(`open ${path}`, koffi.errno());
  if (create) {
    const rc = c.posix_fallocate(fd, 0, size) as number;
    if (rc !== 0) {
      c.close(fd);
      throw new LibcError(`posix_fallocate ${path}`, rc);
    }
  }
  return fd;
}

export function mmapShared(fd: number, size: number): bigint {
  const p = c.mmap(null, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (isMapFailed(p)) throw new LibcError('mmap', koffi.errno());
  return p as bigint;
}

export function closeFd(fd: number): void {
  c.close(fd);
}

export function munmap(addr: bigint, size: number): void {
  c.munmap(addr, size);
}

function pageSpan(addr: bigint, offset: number, length: number): [bigint, number] {
  const start = offset - (offset % PAGE_SIZE);
  return [addr + BigInt(start), length + (offset - start)];
}

export function msyncRange(addr: bigint, offset: number, length: number): void {
  const [a, n] = pageSpan(addr, offset, length);
  if ((c.msync(a, n, MS_SYNC) as number) !== 0) throw new LibcError('msync', koffi.errno());
}

/** msync on koffi's worker thread, so the event loop keeps executing the next batch meanwhile. */
export function msyncRangeAsync(addr: bigint, offset: number, length: number, done: (err: Error | null) => void): void {
  const [a, n] = pageSpan(addr, offset, length);
  c.msync.async(a, n, MS_SYNC, (err: unknown, rc: number) => {
    if (err) done(err instanceof Error ? err : new Error(String(err)));
    else if (rc !== 0) done(new LibcError('msync', koffi.errno()));
    else done(null);
  });
}

let populateSupported = true;

/**
 * Faults pages of a shared mapping in, writable, on koffi's worker thread (MADV_POPULATE_WRITE, Linux 5.14+).
 * A first store to a page of a freshly allocated file costs microseconds (block allocation, extent conversion);
 * paying that ahead of the write head keeps it off the event loop. A no-op where the kernel lacks it.
 */
export function populateWriteAsync(addr: bigint, offset: number, length: number, done: () => void): void {
  if (!populateSupported || length <= 0) {
    done();
    return;
  }
  const [a, n] = pageSpan(addr, offset, length);
  c.madvise.async(a, n, MADV_POPULATE_WRITE, (err: unknown, rc: number) => {
    if (err || rc !== 0) populateSupported = false;
    done();
  });
}

/** Takes an exclusive advisory lock without waiting; false when another process holds it. */
export function tryLockExclusive(fd: number): boolean {
  return (c.flock(fd, LOCK_EX | LOCK_NB) as number) === 0;
}

export function viewOf(addr: bigint, size: number): Buffer {
  return Buffer.from(koffi.view(addr, size));
}
