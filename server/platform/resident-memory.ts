// Reads a process's resident memory from /proc/<pid>/status (Linux): total, anonymous, file-backed and shared.
// Reading only. INFO faha's DRAM per key and the memory benchmark (scripts/bench/memory.ts) both use it.
import { readFileSync } from 'node:fs';

export interface ResidentMemory {
  /** VmRSS: everything resident. */
  rss: number;
  /** RssAnon: heap, stacks, private allocations — the DRAM a process holds on its own. */
  anon: number;
  /** RssFile: resident pages of mapped files (faha's log segments). */
  file: number;
  /** RssShmem. */
  shmem: number;
}

function kbField(status: string, name: string, pid: number): number {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  if (m === null) throw new Error(`/proc/${pid}/status has no ${name}`);
  return Number(m[1]) * 1024;
}

export function residentMemory(pid: number): ResidentMemory {
  const s = readFileSync(`/proc/${pid}/status`, 'latin1');
  return { rss: kbField(s, 'VmRSS', pid), anon: kbField(s, 'RssAnon', pid), file: kbField(s, 'RssFile', pid), shmem: kbField(s, 'RssShmem', pid) };
}

export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/**
 * This process's anonymous resident bytes (what faha holds in DRAM besides the mapped log), or its whole RSS where
 * /proc is not there to tell them apart.
 */
export function anonymousResidentBytes(): number {
  try {
    return residentMemory(process.pid).anon;
  } catch {
    return process.memoryUsage().rss;
  }
}
