// The longest common subsequence of two byte strings by the classic dynamic-programming table, walked back the
// way Redis walks it, so the subsequence and the reported match ranges are Redis's among equally long answers.
// Pure computation: the caller checks sizes and allocates nothing else.

/** One run of consecutive matched bytes: inclusive index ranges in a and b. */
export interface LcsMatch {
  a: [number, number];
  b: [number, number];
  len: number;
}

export interface LcsResult {
  len: number;
  /** The subsequence itself (when asked for). */
  subsequence: Buffer | null;
  /** Matched runs from the end of the strings backwards, only those of at least minMatchLen bytes. */
  matches: LcsMatch[];
}

/** Cells the table needs: (|a|+1)·(|b|+1) of 4 bytes each. */
export function lcsTableBytes(aLen: number, bLen: number): number {
  return (aLen + 1) * (bLen + 1) * 4;
}

/** Fills the table; `table[j + i*(|b|+1)]` is the LCS length of a[0..i) and b[0..j). */
function fill(a: Uint8Array, b: Uint8Array, table: Uint32Array): void {
  const w = b.length + 1;
  for (let i = 1; i <= a.length; i++) {
    const row = i * w;
    const up = row - w;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) table[row + j] = table[up + j - 1] + 1;
      else {
        const l1 = table[up + j];
        const l2 = table[row + j - 1];
        table[row + j] = l1 > l2 ? l1 : l2;
      }
    }
  }
}

/**
 * Computes the LCS. `table` must hold lcsTableBytes/4 zeroed cells. With `walk` false only the length is
 * computed (LCS ... LEN).
 */
export function computeLcs(a: Uint8Array, b: Uint8Array, table: Uint32Array, walk: boolean, minMatchLen: number): LcsResult {
  fill(a, b, table);
  const w = b.length + 1;
  const len = table[a.length * w + b.length];
  if (!walk) return { len, subsequence: null, matches: [] };
  const out = Buffer.allocUnsafe(len);
  const matches: LcsMatch[] = [];
  let idx = len;
  let i = a.length;
  let j = b.length;
  // The run being tracked, extended backwards while matches stay contiguous in both strings; -1 = none.
  let aStart = -1, aEnd = 0, bStart = 0, bEnd = 0;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      out[--idx] = a[i - 1];
      if (aStart === -1) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      // A run that reached the start of either string cannot grow further.
      if (aStart === 0 || bStart === 0) emit = true;
      i--;
      j--;
    } else {
      if (table[(i - 1) * w + j] > table[i * w + j - 1]) i--;
      else j--;
      if (aStart !== -1) emit = true;
    }
    if (emit) {
      const runLen = aEnd - aStart + 1;
      if (minMatchLen === 0 || runLen >= minMatchLen) matches.push({ a: [aStart, aEnd], b: [bStart, bEnd], len: runLen });
      aStart = -1;
    }
  }
  return { len, subsequence: out, matches };
}
