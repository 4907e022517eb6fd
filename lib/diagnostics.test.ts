import { describe, expect, it } from 'vitest';
import { groupSmaps } from './diagnostics';

const smaps = `00400000-00500000 r-xp 00000000 08:01 123 /usr/bin/node
Size:               1024 kB
Rss:                 800 kB
7f0000000000-7f0000040000 rw-p 00000000 00:00 0
Rss:                 256 kB
7f0000100000-7f0004100000 rw-p 00000000 00:00 0
Rss:                2048 kB
7f1000000000-7f1000100000 r--p 00100000 08:01 123 /usr/bin/node
Rss:                 200 kB
7f2000000000-7f2000001000 ---p 00000000 00:00 0
Rss:                   0 kB
`;

describe('groupSmaps', () => {
  it('sums resident memory by file, and anonymous memory by the size of its mappings, largest first', () => {
    expect(groupSmaps(smaps)).toEqual([
      { name: '[anonyme, correspondances ≤ 64 Mo]', bytes: 2048 * 1024 },
      { name: '/usr/bin/node', bytes: 1000 * 1024 },
      { name: '[anonyme, correspondances ≤ 256 ko]', bytes: 256 * 1024 },
    ]);
  });
});
