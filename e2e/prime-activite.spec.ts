import { frenchProblems } from './french-text';
import { expect, expectNoAxeViolations, joinSession, newSession, openDemoSession, signInThroughProvider, test, waitForText } from './support';

// "Dites-le-nous une fois": the CAF's request comes filled in with what the bodies know, each figure with its source.

test('prime d’activité : chaque chiffre pré-rempli dit d’où il vient, une correction est gardée, la décision donne un montant ; les échanges sont dans Mes données et sur la carte', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signInThroughProvider(page, /FranceConnect/, 'Thomas Girard');
  await page.goto('/citoyen');
  await page.getByRole('link', { name: 'Demander la prime d’activité' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demander la prime d’activité');
  await expectNoAxeViolations(page);
  // Started twice (a double-click): one draft, asked of each body once.
  await page.getByRole('button', { name: 'Commencer la démarche' }).dblclick();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre foyer');
  await expect(page.getByLabel('Nombre de personnes au foyer')).toHaveValue('1');
  await expect(page.getByText(/Pré-rempli par la CAF, d’après votre dossier d’allocataire \(«\s?Célibataire\s?»\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos revenus des trois derniers mois');
  const months = page.getByRole('textbox', { name: /^Revenus du travail en/ });
  await expect(months).toHaveCount(3);
  for (const field of await months.all()) await expect(field).toHaveValue('817');
  await expect(page.getByText(/Pré-rempli par la DGFiP, sur la base de la loi\s: votre revenu fiscal de référence \d{4} \(9\s800,00\s€\) divisé par 12/)).toBeVisible();
  await expect(page.getByText(/France Travail indique que vous êtes inscrit·e \(Catégorie A, depuis le 2 mars 2026\)/)).toBeVisible();
  // A wrong amount is said beside its field; the correction typed meanwhile stays.
  await months.nth(2).fill('1200');
  await page.getByLabel('Autres ressources du foyer, par mois (€)').fill('beaucoup');
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.locator('#champ-autres-erreur')).toHaveText('Écrivez les autres ressources en euros, sans les centimes : par exemple 400.');
  await expect(months.nth(2)).toHaveValue('1200');
  await expectNoAxeViolations(page);
  await page.getByLabel('Autres ressources du foyer, par mois (€)').fill('0');
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre demande avant de l’envoyer');
  await expect(page.getByText(/817\s€ d’après la DGFiP → 1\s200\s€/)).toBeVisible();
  await expect(page.getByText(/334,27\s€ par mois/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toContainText(/EG-\d{4}-/);
  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByText(/La prime d’activité est accordée\s: 334,27\s€ par mois/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Documents' }).getByText('Décision de prime d’activité', { exact: true })).toBeVisible();
  // The exchanges made for this request, on the law's basis.
  const forThisCase = page.getByRole('region', { name: 'Les données demandées pour ce dossier' });
  await expect(forThisCase.getByRole('heading', { name: /CAF a demandé à DGFiP/ })).toHaveCount(1);
  await expect(forThisCase.getByRole('heading', { name: /CAF a demandé à France Travail/ })).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.goto('/citoyen/mes-donnees');
  const dgfip = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'CAF a demandé à DGFiP : Revenu fiscal de référence' }) });
  await expect(dgfip).toHaveCount(1);
  await expect(dgfip).toContainText('la loi');
  await expect(dgfip).toContainText('Calculer la prime d’activité');
  await expectNoAxeViolations(page);

  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await expect(teacher.getByRole('img', { name: /Carte des échanges de données/ })).toHaveAttribute('aria-label', /CAF → (DGFiP|France Travail), accordé/);
});

test('une personne que France Travail ne connaît pas : sa demande n’annonce aucune panne, et la CAF jouée par un·e élève la décide', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await (await browser.newContext()).newPage();
  const code = await newSession(teacher, 'Prime, inconnue de France Travail', 'prime_activite', 2);
  // The first student plays Sarah Meunier (part-time, not a job seeker); the second, the CAF's agent.
  const citizen = await joinSession(browser, code, 'Renard');
  await expect(citizen.getByText(/vous jouez Sarah Meunier/)).toBeVisible();
  await expect(citizen.getByRole('definition').filter({ hasText: /1\s000\s€, puis 1\s000\s€, puis 1\s000\s€/ })).toBeVisible();
  const agent = await joinSession(browser, code, 'Hibou');
  await expect(agent.getByText(/Agent — CAF/)).toBeVisible();

  await citizen.getByRole('button', { name: /Me connecter avec FranceConnect/ }).click();
  await expect(citizen.getByRole('radio', { name: /^Sarah Meunier/ })).toBeChecked();
  await citizen.getByRole('button', { name: 'Me connecter' }).click();
  await citizen.getByRole('link', { name: 'Demander la prime d’activité' }).click();
  await citizen.getByRole('button', { name: 'Commencer la démarche' }).click();
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  // Typed as the card prints them.
  for (const field of await citizen.getByRole('textbox', { name: /^Revenus du travail en/ }).all()) await field.fill('1 000 €');
  await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(citizen.getByText('Aucune : les données transmises sont justes')).toBeVisible();
  // Each answer can be changed from the recap; the amount worked out from them cannot.
  await expect(citizen.getByRole('link', { name: /^Modifier\s: Revenus d/ })).toHaveCount(3);
  await expect(citizen.getByRole('link', { name: /^Modifier\s: Montant estimé/ })).toHaveCount(0);
  await expect(citizen.getByText(/accusé de réception, rangé dans votre coffre-fort/)).toBeVisible();
  await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
  const sent = citizen.getByRole('status').filter({ hasText: 'Votre demande est envoyée' });
  await expect(sent).toContainText(/EG-\d{4}-/);
  const receipt = (await sent.locator('strong').textContent())!.trim();
  // France Travail answered: it does not know her. That is no outage, and nothing waits for it.
  const forThisCase = citizen.getByRole('region', { name: 'Les données demandées pour ce dossier' });
  await expect(forThisCase.getByRole('heading', { name: /CAF a demandé à France Travail/ })).toHaveCount(1);
  await expect(forThisCase).toContainText('Aucune donnée : l’organisme ne vous connaît pas');
  await expect(forThisCase).not.toContainText('Échec');
  await expect(forThisCase.getByRole('definition').filter({ hasText: receipt })).toHaveCount(2);
  await expect(citizen.getByText(/ne répond pas pour l’instant/)).toHaveCount(0);
  await expectNoAxeViolations(citizen);
  // The teacher's live map: an answer (« ? »), not a failure (« ! ») — nothing for the class to debrief as an outage.
  const map = teacher.getByRole('img', { name: /Carte des échanges de données/ });
  await expect(map).toHaveAttribute('aria-label', /Échanges\s:\s1\saccordé,\s0\srefusé,\s0\sen\séchec,\s1\spersonne\sinconnue\.\sDernier\s:\sCAF\s→\sFrance\sTravail,\spersonne\sinconnue\./);
  await expect(map.locator('[data-resultat="inconnu"]')).toHaveCount(1);
  await expect(map.locator('[data-resultat="echec"]')).toHaveCount(0);
  await expect(map.locator('[data-organisme="france-travail"]')).toContainText(/!\s0\s+\?\s1/);
  await expect(teacher.getByRole('list').filter({ hasText: '! en échec' }).getByText('? personne inconnue de l’organisme')).toBeVisible();
  await expectNoAxeViolations(teacher);

  await agent.getByRole('button', { name: /Me connecter avec ProConnect/ }).click();
  await agent.getByRole('button', { name: 'Me connecter' }).click();
  await expect(agent).toHaveURL(/\/agent$/);
  await agent.getByRole('link', { name: receipt }).click();
  await expect(agent.getByText(/ne répond pas pour l’instant/)).toHaveCount(0);
  // What the CAF asked while the request was a draft is this case's, named by its number.
  const asked = agent.getByRole('region', { name: 'Échanges par l’État plateforme pour ce dossier' });
  await expect(asked.getByRole('heading', { name: /CAF a demandé à (DGFiP|France Travail)/ })).toHaveCount(2);
  await expect(asked.getByRole('definition').filter({ hasText: receipt })).toHaveCount(2);
  await expect(asked).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await agent.getByRole('button', { name: 'Prendre en charge' }).click();
  await agent.getByRole('button', { name: 'Accepter' }).click();
  await expect(agent.getByText('Ce dossier est terminé.')).toBeVisible();
  await waitForText(citizen, 'Votre demande est acceptée.');
  // The debrief counts her as unknown to France Travail, and asks the class about no outage that did not happen.
  await teacher.getByRole('link', { name: 'Bilan', exact: true }).click();
  const chart = teacher.getByRole('figure', { name: '2 échanges par la plateforme, selon leur résultat' });
  await chart.getByText('Voir les données du graphique').click();
  await expect(chart.getByRole('table').getByRole('row')).toHaveText([/Résultat\s*Échanges/, /Accordés\s*1/, /Refusés\s*0/, /Personne inconnue de l’organisme\s*1/, /En échec\s*0/]);
  await expect(teacher.getByText(/Aucun échange n’a échoué pendant la séance/)).toBeVisible();
  // The prime's section (« 2 chiffres pré-remplis… ; 1 justificatif… ») shows only in a séance that has one: read here.
  await expect(teacher.getByText(/par les personnes\s;\s1\sjustificatif que personne/)).toBeVisible();
  expect(await frenchProblems(teacher)).toEqual([]);
  await expect(teacher.getByText(/échange a échoué|La carte de stationnement a pris/)).toHaveCount(0);
  // One funnel, for the one procedure the class started; the seven others named in one list.
  await expect(teacher.getByRole('figure', { name: /^Étapes franchies/ })).toHaveCount(1);
  await expect(teacher.getByText('Aucune demande commencée pour', { exact: false }).locator('xpath=following-sibling::ul[1]').getByRole('listitem')).toHaveCount(7);
  await expectNoAxeViolations(teacher);
});
