// What a heap snapshot holds (docs/performance.md, memory): self size by kind of object and by constructor, largest
// first, and the memory report written beside it (EGUICHET_HEAP_DIR, instrumentation.ts).
// Usage: npx tsx scripts/heap-summary.ts <file.heapsnapshot> [how many rows, 25]
import fs from 'node:fs';

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };

export function summarise(snapshot: Snapshot, top = 25) {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const byType = new Map<string, { bytes: number; count: number }>();
  const byName = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  const add = (map: Map<string, { bytes: number; count: number }>, key: string, bytes: number) => {
    const row = map.get(key) ?? { bytes: 0, count: 0 };
    row.bytes += bytes;
    row.count++;
    map.set(key, row);
  };
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const bytes = snapshot.nodes[i + sizeAt]!;
    total += bytes;
    add(byType, type, bytes);
    // Objects by constructor; strings, code and arrays by kind (their "name" is their content).
    const name = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt]!]!.slice(0, 60)}` : type;
    add(byName, name, bytes);
  }
  const sorted = (map: Map<string, { bytes: number; count: number }>) => [...map].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
  return { total, byType: sorted(byType), byName: sorted(byName) };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: heap-summary <file.heapsnapshot> [rows]');
  const { total, byType, byName } = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot, Number(process.argv[3] ?? 25));
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} Mo`;
  console.log(`Tas : ${mb(total)} (somme des tailles propres)`);
  console.log('\nPar genre :');
  for (const [k, v] of byType) console.log(`${mb(v.bytes).padStart(10)}  ${String(v.count).padStart(8)}  ${k}`);
  console.log('\nPar constructeur :');
  for (const [k, v] of byName) console.log(`${mb(v.bytes).padStart(10)}  ${String(v.count).padStart(8)}  ${k}`);
  const report = file.replace(/\.heapsnapshot$/, '-memoire.json');
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      memoryUsage: Record<string, number>;
      heapSpaces: { space_name: string; space_used_size: number; space_size: number }[];
      mappings?: { name: string; bytes: number }[];
    };
    console.log('\nMémoire du processus (avant l’instantané) :');
    for (const [k, v] of Object.entries(r.memoryUsage)) console.log(`${mb(v).padStart(10)}  ${k}`);
    console.log('\nTas de V8 par espace (utilisé / réservé) :');
    for (const s of r.heapSpaces) console.log(`${mb(s.space_used_size).padStart(10)} / ${mb(s.space_size).padStart(10)}  ${s.space_name}`);
    if (r.mappings?.length) {
      console.log('\nMémoire résidente par correspondance (/proc/self/smaps, les 15 premières) :');
      for (const m of r.mappings.slice(0, 15)) console.log(`${mb(m.bytes).padStart(10)}  ${m.name}`);
    }
  }
}
