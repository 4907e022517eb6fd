import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../scripts/serve';

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
