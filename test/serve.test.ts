import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultHeapGrowth, heapArgs, workerCount } from '../scripts/serve';

describe('workerCount', () => {
  it('takes EGUICHET_WORKERS when it is a positive whole number, up to 16', () => {
    expect(workerCount('1')).toBe(1);
    expect(workerCount('3')).toBe(3);
    expect(workerCount('99')).toBe(16);
  });
  it('otherwise runs one process per core, at most 4', () => {
    const expected = Math.max(1, Math.min(os.availableParallelism(), 4));
    for (const value of [undefined, '', '0', '-2', 'deux']) expect(workerCount(value)).toBe(expected);
  });
});

describe('heapArgs', () => {
  it('lets each heap grow by half above what is alive by default on SQLite (with a young generation of two 8 MB halves), as V8 likes on PostgreSQL, or as EGUICHET_WORKER_HEAP_GROWTH says', () => {
    expect(defaultHeapGrowth(false)).toBe(50);
    expect(defaultHeapGrowth(true)).toBe(0);
    expect(heapArgs(undefined, undefined, 50)).toEqual(['--heap-growing-percent=50', '--max-semi-space-size=8']);
    expect(heapArgs(undefined, ' ', 50)).toEqual(['--heap-growing-percent=50', '--max-semi-space-size=8']);
    expect(heapArgs(undefined, undefined, 0)).toEqual([]);
    expect(heapArgs(undefined, '80', 0)).toEqual(['--heap-growing-percent=80', '--max-semi-space-size=8']);
    expect(heapArgs(undefined, '80', 50)).toEqual(['--heap-growing-percent=80', '--max-semi-space-size=8']);
  });
  it('leaves V8 its own growth with 0 (or anything under 10 %), and adds the ceiling EGUICHET_WORKER_HEAP_MB asks', () => {
    for (const value of ['0', '5', 'non']) expect(heapArgs(undefined, value, 50)).toEqual([]);
    expect(heapArgs('160', '0', 50)).toEqual(['--max-old-space-size=160']);
    expect(heapArgs('32', undefined, 50)).toEqual(['--heap-growing-percent=50', '--max-semi-space-size=8']);
    expect(heapArgs('256', '40', 50)).toEqual(['--max-old-space-size=256', '--heap-growing-percent=40', '--max-semi-space-size=8']);
  });
});
