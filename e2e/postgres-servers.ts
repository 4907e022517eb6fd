// The browser suite's second run (E2E_ENGINE=postgres, started by playwright.config.ts): a throwaway PostgreSQL server,
// two app servers started with the README's command on it, sharing one data folder (secrets), and in front of them a
// round-robin balancer on PORT that sends each request to the next server — a page to one, its form to the other, an
// OpenID Connect authorisation to one and its token to the other. All that carries from one request to the next must be
// in the database for the tests to pass. SIGTERM stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, startTestPostgres } from '../test/postgres';
import { startBalancer } from './balancer';
import { postgresUrlFile } from './database';

const port = Number(process.env.PORT ?? 3200);
const ports = [port + 1, port + 2];
const dataDir = process.env.EGUICHET_DATA_DIR ?? '.e2e-data/postgres';
const publicUrl = `http://localhost:${port}`;

const children: ChildProcess[] = [];
let stopDatabase = () => {};

function stopAll(code: number) {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  try {
    stopDatabase();
  } finally {
    process.exit(code);
  }
}
process.on('SIGTERM', () => stopAll(0));
process.on('SIGINT', () => stopAll(0));

async function waitUntilHealthy(serverPort: number, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`le serveur du port ${serverPort} s’est arrêté (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${serverPort}/api/sante`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`le serveur du port ${serverPort} ne répond pas`);
}

function startServer(serverPort: number, databaseUrl: string, reset: boolean): ChildProcess {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', ...(reset ? ['--reset-database'] : [])], {
    detached: true, // its own process group, killed whole
    stdio: 'inherit',
    env: { ...process.env, PORT: String(serverPort), EGUICHET_URL: publicUrl, EGUICHET_DATABASE_URL: databaseUrl, EGUICHET_DATA_DIR: dataDir, EGUICHET_WORKERS: '1' },
  });
  children.push(child);
  return child;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const server = await startTestPostgres();
  stopDatabase = () => server.stop();
  const databaseUrl = await createTestDatabase(server, 'eguichet_e2e');
  fs.mkdirSync(path.dirname(postgresUrlFile), { recursive: true });
  fs.writeFileSync(postgresUrlFile, databaseUrl);
  // The first one prepares the database (and builds if needed); the second joins it, as a second machine would.
  const first = startServer(ports[0]!, databaseUrl, true);
  await waitUntilHealthy(ports[0]!, first);
  const second = startServer(ports[1]!, databaseUrl, false);
  await waitUntilHealthy(ports[1]!, second);
  for (const child of children) child.on('exit', (code, signal) => console.error(`Un serveur d’application s’est arrêté (${code ?? signal}).`));
  await startBalancer(port, ports);
  console.log(`Répartiteur : ${publicUrl} → ${ports.map((p) => `:${p}`).join(', ')} (PostgreSQL ${databaseUrl})`);
}

main().catch((error) => {
  console.error(error);
  stopAll(1);
});
