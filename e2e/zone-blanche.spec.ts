import type { Browser } from '@playwright/test';
import { expect, expectNoAxeViolations, openDemoSession, signInThroughProvider, test } from './support';

async function setBadNetwork(browser: Browser, on: boolean) {
  const context = await browser.newContext();
  const teacher = await context.newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  await teacher.getByRole('checkbox', { name: /Réseau de zone blanche simulé/ }).setChecked(on);
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  await expect(teacher.getByRole('checkbox', { name: /Réseau de zone blanche simulé/ })).toBeChecked({ checked: on });
  await context.close();
}

test('en zone blanche, les requêtes échouent mais rien de ce qui est écrit n’est perdu, et l’envoi passe en réessayant', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await setBadNetwork(browser, true);
  try {
    await signInThroughProvider(page, /FranceConnect/, 'Lucas Petit');
    await expect(page.getByText('Vous vivez dans une zone blanche :')).toBeVisible();
    await page.goto('/citoyen/demarches/changement-adresse');
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    const street = page.getByLabel('Numéro et nom de la voie');
    await street.fill('57 boulevard des Tilleuls');
    await page.getByLabel('Code postal').fill('00100');
    const cut = page.getByRole('alert').filter({ hasText: 'La connexion a été coupée' });
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(cut).toBeVisible();
    await expect(street).toHaveValue('57 boulevard des Tilleuls');
    await expectNoAxeViolations(page);

    // Even a reload after the cut keeps what was typed (the device's copy).
    await page.reload();
    await expect(street).toHaveValue('57 boulevard des Tilleuls');
    await expect(page.getByLabel('Code postal')).toHaveValue('00100');

    // Retrying goes through; each step meets the bad network again.
    // One request in two is cut (counted per kind, so the pattern is the same for everyone): cut, then through.
    const next = async (button: string, url: RegExp, cutFirst = true) => {
      if (cutFirst) {
        await page.getByRole('button', { name: button }).click();
        await expect(cut).toBeVisible();
      }
      await page.getByRole('button', { name: button }).click();
      await expect(page).toHaveURL(url);
    };
    await next('Continuer', /\/etapes\/date$/, false);
    await page.getByLabel('Date d’emménagement').fill(new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }));
    await next('Continuer', /\/etapes\/organismes$/);
    await page.getByRole('checkbox', { name: /Caisse primaire d’assurance maladie/ }).check();
    await next('Voir le récapitulatif', /\/recapitulatif$/);

    // Sending: the first try is cut, nothing is lost, the second goes through.
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'La connexion a été coupée pendant l’envoi' })).toBeVisible();
    await expect(page.getByText('57 boulevard des Tilleuls, 00100')).toBeVisible();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toBeVisible();
  } finally {
    await setBadNetwork(browser, false);
  }
});
