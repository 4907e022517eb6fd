import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { e2eTeacher } from '../playwright.config';

// A second server of its own, killed with SIGKILL and started again on the same data folder.
const port = 3101;
const base = `http://localhost:${port}`;
const dataDir = '.e2e-data/redemarrage';

function startServer(): ChildProcess {
  return spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), EGUICHET_DATA_DIR: dataDir, EGUICHET_TEACHER_EMAIL: e2eTeacher.email, EGUICHET_TEACHER_PASSWORD: e2eTeacher.password },
  });
}

async function waitUntilServing() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/sante`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not start');
}

function kill(server: ChildProcess) {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone: let the test's own error show
  }
}

test('après un arrêt brutal et un redémarrage, les personnes restent connectées et rien n’est perdu', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilServing();
    const context = await browser.newContext({ baseURL: base });
    const teacher = await context.newPage();
    await teacher.goto('/connexion');
    await teacher.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
    await teacher.getByLabel('Mot de passe').fill(e2eTeacher.password);
    await teacher.getByRole('button', { name: 'Me connecter' }).click();
    await expect(teacher).toHaveURL(/\/enseignant$/);
    const code = await teacher.getByRole('row', { name: /Séance de démonstration/ }).getByRole('code').textContent();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const citizen = await browser.newContext({ baseURL: base });
    const citizenPage = await citizen.newPage();
    await citizenPage.goto('/connexion');
    await citizenPage.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' }).click();
    await citizenPage.getByRole('radio', { name: /^Thomas Girard/ }).check();
    await citizenPage.getByRole('button', { name: 'Me connecter' }).click();
    await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Bonjour Thomas Girard');

    kill(server);
    server = startServer();
    await waitUntilServing();

    await teacher.reload();
    await expect(teacher.getByRole('heading', { level: 2, name: 'Vos séances' })).toBeVisible();
    await expect(teacher.getByRole('row', { name: /Séance de démonstration/ }).getByRole('code')).toHaveText(code ?? '');
    await citizenPage.reload();
    await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Bonjour Thomas Girard');
    await context.close();
    await citizen.close();
  } finally {
    kill(server);
  }
});
