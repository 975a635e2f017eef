// Typed loader of faha's native addon (native/, built by `npm install` via node-gyp). Owns the load and the
// types of what the addon exports; callers never see the raw module. Loaded once, at import: a server whose
// addon is missing must refuse to start rather than answer INCRBYFLOAT with JS doubles.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

/** A C long double, as opaque bytes (sizeof(long double)); only the addon looks inside. */
export type LongDouble = Buffer & { readonly __longDouble: unique symbol };

interface NativeModule {
  ldParse(bytes: Uint8Array): LongDouble | null;
  ldAdd(a: LongDouble, b: LongDouble): LongDouble;
  ldIsFinite(a: LongDouble): boolean;
  ldFormat(a: LongDouble, human: boolean): string;
  readonly ldBytes: number;
  /** Linux only (native/src/client_io.cc). */
  readonly ClientIo?: NativeClientIoConstructor;
}

/** native/src/client_io.cc: one epoll set of client sockets, read once per event-loop turn. */
export interface NativeClientIo {
  /** 0, or -errno. */
  add(fd: number): number;
  interest(fd: number, read: boolean, write: boolean): number;
  remove(fd: number): void;
  /** Bytes written (0 when the socket is full), or -errno. */
  write(fd: number, bytes: Uint8Array): number;
  /** Like write, for several buffers, skipping `offsetInFirst` bytes of the first. */
  writev(fd: number, bytes: Uint8Array[], offsetInFirst: number): number;
  /** Socket i (of n) gets the next counts[i] buffers of `bytes` by one writev; results[i] as write's result. */
  writeMany(n: number, fds: Int32Array, counts: Int32Array, bytes: Uint8Array[], results: Int32Array): void;
  /** A turn's reads now, without waiting and without the callback: the number of records it left. */
  poll(): number;
  close(): void;
}

/**
 * `onTurn(n)` is called once per event-loop turn in which sockets had events, with n records of 4 int32s in
 * `records` (fd, kind, offset, length; kinds in net/epoll-sockets.ts) and the bytes read in `scratch`.
 */
export type NativeClientIoConstructor = new (onTurn: (n: number) => void, scratch: Buffer, records: Int32Array) => NativeClientIo;

/** The addon could not be loaded; the message says how to build it. */
export class NativeAddonError extends Error {
  readonly code = 'ERR_NATIVE_ADDON';
  constructor(path: string, cause: unknown) {
    super(`cannot load faha's native addon ${path} (${(cause as Error).message ?? cause}); build it with \`npm run build:native\``);
    this.name = 'NativeAddonError';
  }
}

export const NATIVE_ADDON_PATH = join(PROJECT_ROOT, 'native', 'build', 'Release', 'faha_native.node');

function load(): NativeModule {
  try {
    return createRequire(import.meta.url)(NATIVE_ADDON_PATH) as NativeModule;
  } catch (err) {
    throw new NativeAddonError(NATIVE_ADDON_PATH, err);
  }
}

const addon = load();

/** Redis's string2ld: the whole input is one strtold number (no leading space, no NaN, no overflow); else null. */
export function parseLongDouble(bytes: Uint8Array): LongDouble | null {
  return addon.ldParse(bytes);
}

export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  return addon.ldAdd(a, b);
}

/** False for NaN and ±infinity. */
export function isFiniteLongDouble(a: LongDouble): boolean {
  return addon.ldIsFinite(a);
}

/**
 * Redis's ld2string: 'human' is "%.17Lf" without trailing fractional zeros (INCRBYFLOAT, HINCRBYFLOAT);
 * 'auto' is "%.17Lg". Infinities print as "inf" / "-inf".
 */
export function formatLongDouble(a: LongDouble, mode: 'human' | 'auto'): string {
  return addon.ldFormat(a, mode === 'human');
}

/** The epoll client poller, or null where the addon has none (not Linux). */
export function nativeClientIo(): NativeClientIoConstructor | null {
  return addon.ClientIo ?? null;
}
