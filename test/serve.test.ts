import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { heapArgs, workerCount } from '../scripts/serve';

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
  it('lets each heap grow by half above what is alive by default, or as EGUICHET_WORKER_HEAP_GROWTH says', () => {
    expect(heapArgs(undefined, undefined)).toEqual(['--heap-growing-percent=50']);
    expect(heapArgs(undefined, ' ')).toEqual(['--heap-growing-percent=50']);
    expect(heapArgs(undefined, '80')).toEqual(['--heap-growing-percent=80']);
  });
  it('leaves V8 its own growth with 0 (or anything under 10 %), and adds the ceiling EGUICHET_WORKER_HEAP_MB asks', () => {
    for (const value of ['0', '5', 'non']) expect(heapArgs(undefined, value)).toEqual([]);
    expect(heapArgs('160', '0')).toEqual(['--max-old-space-size=160']);
    expect(heapArgs('32', undefined)).toEqual(['--heap-growing-percent=50']);
    expect(heapArgs('256', '40')).toEqual(['--max-old-space-size=256', '--heap-growing-percent=40']);
  });
});
