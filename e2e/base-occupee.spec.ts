import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import { sqliteFile } from './database';
import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

// Another process holds SQLite's write lock longer than every wait and retry of the server (3 × 5 s), as a stuck
// writer would: the person is told so in French, in the page, and loses nothing they typed.
function holdWriteLock(): () => void {
  const db = new Database(sqliteFile());
  db.exec('BEGIN IMMEDIATE');
  return () => {
    db.exec('ROLLBACK');
    db.close();
  };
}

async function signedInNicolas(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughProvider(page, /FranceConnect/, 'Nicolas Henry');
  await expect(page).toHaveURL(/\/citoyen$/);
  return { context, page };
}

test('base occupée pendant l’enregistrement d’une étape, sans JavaScript : message dans la page, rien de perdu', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedInNicolas(browser);
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre nouvelle adresse');
  const step = page.url();

  // The same person, in a browser without JavaScript: the form is posted and the page comes back from the server.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const form = await noScript.newPage();
  await form.goto(step);
  await form.getByLabel('Numéro et nom de la voie').fill('8 rue du Moulin');
  await form.getByLabel('Code postal').fill('00100');
  const release = holdWriteLock();
  try {
    await form.getByRole('button', { name: 'Continuer' }).click();
    await expect(form.getByRole('alert')).toContainText('très sollicité', { timeout: 40_000 });
  } finally {
    release();
  }
  await expect(form.getByRole('alert')).toContainText('pas encore enregistrée');
  await expect(form.getByLabel('Numéro et nom de la voie')).toHaveValue('8 rue du Moulin');
  await expect(form.getByLabel('Code postal')).toHaveValue('00100');
  // (axe needs JavaScript; the same alert block is checked with axe in zone-blanche.spec.ts.)
  // Once the lock is gone, the same click goes on.
  await form.getByRole('button', { name: 'Continuer' }).click();
  await expect(form.getByRole('heading', { level: 1 })).toHaveText('La date de votre déménagement');
  await noScript.close();
  await context.close();
});

test('base occupée quand une action ne peut pas aboutir : une page d’erreur en français, qui reprend la main', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedInNicolas(browser);
  await page.goto('/citoyen/demarches/acte-naissance');
  const release = holdWriteLock();
  try {
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Un problème est survenu', { timeout: 40_000 });
  } finally {
    release();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('Ce qui était déjà enregistré est gardé')).toBeVisible();
  await expect(page.getByText('Simulation pédagogique')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acte de naissance');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pour qui demandez-vous l’acte ?');
  await context.close();
});
