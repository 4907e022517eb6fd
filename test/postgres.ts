import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A throwaway PostgreSQL server for the tests: Debian's binaries (apt-get install postgresql), a cluster in a temporary
// folder, fsync off, stopped at the end. EGUICHET_TEST_DATABASE_URL points the tests at a server of your own instead.

export type TestPostgres = { url: string; stop(): void };

/** The folder of initdb and pg_ctl: EGUICHET_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string | null {
  if (process.env.EGUICHET_PG_BIN) return process.env.EGUICHET_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export const postgresMissing =
  'PostgreSQL est introuvable : installez le paquet Debian (apt-get install -y postgresql) — `bash .ci/run` le fait —, ou donnez EGUICHET_TEST_DATABASE_URL=postgres://… (une base que les tests peuvent vider).';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.EGUICHET_TEST_DATABASE_URL) return { url: process.env.EGUICHET_TEST_DATABASE_URL, stop: () => undefined };
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-pg-'));
  const data = path.join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the "postgres" user Debian's package creates.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (command: string, args: string[]) => {
    const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { encoding: 'utf8' }) : spawnSync(path.join(bin, command), args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} : ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'eguichet', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // Commit times kept (track_commit_timestamp): the class of 30 tells a slow request from a slow live view with them.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c track_commit_timestamp=on`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://eguichet@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new, empty database on the test server (dropped first if a run left it), and its URL. */
export async function createTestDatabase(server: Pick<TestPostgres, 'url'>, name: string, template?: string): Promise<string> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/[^/]*$/, `/${name}`);
}
