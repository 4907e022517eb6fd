import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// ESLint with the type checker (eslint.config.mjs): promises nobody awaits, promises read as values, tests that assert
// nothing. In a process of its own: the type checker's program for the whole project takes about 1.7 GB while it runs.
it('the code has no promise left unawaited or read as a value, and every test asserts', async () => {
  const root = path.resolve(__dirname, '..');
  const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
  const run = await promisify(execFile)(process.execPath, [eslint, '.', '--format', 'json'], { cwd: root, maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  expect(run.stdout, run.stderr).not.toBe('');
  const files = JSON.parse(run.stdout) as { filePath: string; messages: { line?: number; ruleId: string | null; message: string }[] }[];
  expect(files.length).toBeGreaterThan(400); // the whole project was read, not an empty selection
  const problems = files.flatMap((f) => f.messages.map((m) => `${path.relative(root, f.filePath)}:${m.line ?? 0} ${m.ruleId ?? ''} ${m.message}`));
  expect(problems).toEqual([]);
}, 240_000);
