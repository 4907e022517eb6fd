import { type AsyncExecutor, getEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { agents, antaiNotices, cases, classSessions, personas, teachers } from '../../db/tables';
import { computeDebrief } from './debrief';
import { designateDriver, noticesOf, payNotice } from '../procedures/fines/notices';
import { renderFictitiousProof } from '../procedures/fines/fictitious-proofs';
import { pdfText } from '../../test/pdf-text';
import { testCardNumber } from '../payments/card';
import { saveStep } from '../procedures/drafts';
import { book, counters, freeSlots } from '../appointments/appointments';
import { askCollection } from '../procedures/identity-document/counter';
import { stampDue } from '../procedures/identity-document/definition';
import { buyStamp, stampKinds } from '../payments/fiscal-stamps';
import { agentActor, startOnBehalf } from '../procedures/agent';
import { cannotGoOnlineAlone } from '../procedures/citizen';
import { saveDraft, startCase, type Actor } from '../procedures/engine/cases';
import { runDueInstruction, submitCase } from '../procedures/engine/run';
import type { CaseRow, Persona, RawValues } from '../procedures/engine/types';
import { checkProofForm } from '../procedures/parking-card/proofs';
import { prefillOnce } from '../procedures/drafts';
import { addressBodies } from '../procedures/address-change/definition';
import { holdingsOf } from '../platform/my-data';
import { fileParkingCardWithConsent } from '../procedures/parking-card/start';
import { procedures, stepsFor } from '../procedures/registry';
import { cardOf, citizenCard, type ScenarioCard } from './cards';
import { deviceHash, joinSession, newDeviceSecret, reassignParticipant } from './participants';
import { createSession } from './sessions';

// Every card is playable from what its student is given (issue 16): a "student" reads only the rendered card — its
// situation, goal, constraints and facts, never the seed — fills the real forms with it and reaches the outcome the
// scenario intends. A card that withholds a fact the forms need (a street, a full date, a plate) fails here.

/** What the scenario intends for each persona: the case decided this way (the refusals teach something). */
const intended: Record<string, { [procedure: string]: 'accepte' | 'refuse' }> = {
  'lea-martin': { 'changement-adresse': 'accepte' },
  'karim-benali': { 'carte-stationnement': 'accepte' },
  'sophie-lefebvre': { 'carte-stationnement': 'refuse' },
  'thomas-girard': { 'changement-adresse': 'accepte' },
  'nadia-haddad': { 'acte-naissance': 'accepte' },
  'marcel-dupuis': { 'changement-adresse': 'accepte' },
  'jeanne-morel': { 'changement-adresse': 'accepte' },
  'amadou-diallo': { 'acte-naissance': 'accepte' },
  'lucas-petit': { 'acte-naissance': 'accepte' },
  'claire-rousseau': { 'changement-adresse': 'accepte' },
  'paul-bernard': { 'acte-naissance': 'accepte' },
  'julie-fontaine': { 'carte-stationnement': 'refuse' },
  'antoine-mercier': { 'carte-stationnement': 'refuse' },
  'ines-garcia': { 'changement-adresse': 'accepte', 'acte-naissance': 'accepte' },
  'hugo-lambert': { 'carte-stationnement': 'refuse' },
  'yasmine-cherif': { 'acte-naissance': 'accepte' },
  'gerard-blanc': { 'changement-adresse': 'accepte' },
  'manon-david': { 'changement-adresse': 'accepte' },
  'olivier-chevalier': { 'acte-naissance': 'accepte' },
  'fatou-ndiaye': { 'acte-naissance': 'accepte' },
  'chloe-fabre': { 'carte-stationnement': 'refuse' },
  'nicolas-henry': { 'carte-stationnement': 'accepte' },
  'louise-perrin': { 'acte-naissance': 'accepte' },
  'samir-aziz': { 'carte-stationnement': 'refuse' },
  'elodie-marchand': { 'changement-adresse': 'accepte' },
  'bernard-leroy': { 'changement-adresse': 'accepte' },
  'rose-lemaire': { 'acces-document': 'accepte' },
  // The city stays silent: an hour later (12 months of the séance) the silence is a refusal.
  'mathis-roux': { 'acces-document': 'refuse' },
  'denise-carre': { 'acces-document': 'refuse' },
  'sarah-meunier': { 'prime-activite': 'accepte' },
  // The CAF's file and the DGFiP's income are out of date: the card's facts correct them, and the prime is granted.
  'kevin-morin': { 'prime-activite': 'accepte' },
  'alain-gauthier': { 'prime-activite': 'refuse' },
};

/** The card as the student reads it on /seance: only its text. */
function read(card: ScenarioCard) {
  const fact = (label: RegExp) => card.facts.find((f) => label.test(f.label))?.value ?? null;
  return { text: `${card.situation} ${card.goal} ${card.constraints}`.toLowerCase(), goal: card.goal.toLowerCase(), fact };
}

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** "18 juin 2015" or "1er mars 1948" → "18/06/2015", as a person types it. */
function typed(date: string): string {
  const m = /(\d{1,2})(?:er)? (\p{L}+) (\d{4})/u.exec(date);
  if (!m) throw new Error(`no date in « ${date} »`);
  return `${m[1]!.padStart(2, '0')}/${String(months.indexOf(m[2]!) + 1).padStart(2, '0')}/${m[3]}`;
}

/** The bodies the goal names; when the card sends the student to "Mes données", the bodies that hold their data there. */
async function bodiesFrom(play: Play): Promise<string[]> {
  const named: [RegExp, string][] = [
    [/caf/, 'caf'],
    [/assurance maladie/, 'cpam'],
    [/france travail/, 'france-travail'],
    [/impôts/, 'dgfip'],
    [/retraite/, 'retraite'],
    [/la poste/, 'la-poste'],
    [/carte grise/, 'siv'],
  ];
  const found = named.filter(([re]) => re.test(play.card.goal)).map(([, id]) => id);
  if (!/mes données/i.test(play.card.fact(/qui prévenir/i) ?? '')) return found;
  // What "Mes données" shows the person: each body and what it holds about them.
  const holding = (await holdingsOf(play.db, play.persona.classSessionId, play.persona.id)).filter((b) => b.fiches.length > 0).map((b) => b.organisme as string);
  return [...new Set([...found, ...holding.filter((b) => addressBodies.some((a) => a.id === b))])];
}

type Play = { db: AsyncExecutor; persona: Persona; card: ReturnType<typeof read>; file: (procedure: CaseRow['procedure']) => Promise<{ c: CaseRow; actor: Actor }> };

/** Fills each step of a draft from the card, through the steps' own checks (what the page would refuse, this refuses). */
async function fill(play: Play, c: CaseRow, answersFor: (stepId: string, fields: { name: string; options?: { value: string; label: string }[] }[]) => RawValues | Promise<RawValues>): Promise<CaseRow> {
  const def = procedures[c.procedure];
  let current = c;
  for (let guard = 0; guard < 10; guard++) {
    const ctx = { db: play.db, persona: play.persona, answers: current.answers };
    const step = stepsFor(def, ctx).find((s) => !(s.id in current.answers));
    if (!step) break;
    const values = await answersFor(step.id, await step.fields(ctx) as { name: string; options?: { value: string; label: string }[] }[]);
    current = await saveDraft(play.db, current, step.id, values);
    const result = await step.validate(values, { db: play.db, persona: play.persona, answers: current.answers });
    expect(result, `${play.persona.key}, étape « ${step.id} » remplie avec la carte : ${JSON.stringify(values)}`).toEqual({ ok: true });
  }
  return current;
}

async function playAddressChange(play: Play): Promise<CaseRow> {
  const { card } = play;
  const address = card.fact(/nouvelle adresse/i);
  const date = card.fact(/date d’emménagement/i);
  expect(address, `${play.persona.key} : la carte donne la nouvelle adresse`).toBeTruthy();
  expect(date, `${play.persona.key} : la carte donne la date à déclarer`).toBeTruthy();
  const [, voie, code] = /^(.*), (\d{5}) /.exec(address!) ?? [];
  const { c, actor } = await play.file('changement-adresse');
  const draft = await fill(play, c, async (step): Promise<RawValues> =>
    step === 'adresse' ? { voie: voie ?? '', code_postal: code ?? '' } : step === 'date' ? { date: /(\d{2}\/\d{2}\/\d{4})/.exec(date!)![1]! } : { organismes: await bodiesFrom(play) },
  );
  return submitCase(play.db, draft, play.persona, actor);
}

async function playBirthCertificate(play: Play): Promise<CaseRow> {
  const { card } = play;
  const whose = card.fact(/acte demandé/i);
  const link = !whose ? 'moi' : /enfant/.test(whose) ? 'enfant' : /père|mère/.test(whose) ? 'parent' : 'conjoint';
  const type = /copie intégrale/.test(card.goal) ? 'copie_integrale' : /plurilingue/.test(card.goal) ? 'plurilingue' : /sans filiation/.test(card.goal) ? 'extrait_sans_filiation' : 'extrait_filiation';
  if (whose) for (const fact of [/nom de naissance/i, /prénoms/i, /date de naissance/i, /lieu de naissance/i]) expect(card.fact(fact), `${play.persona.key} : la carte donne ${fact.source}`).toBeTruthy();
  const { c, actor } = await play.file('acte-naissance');
  const draft = await fill(play, c, (step, fields): RawValues => {
    if (step === 'demandeur') return { lien: link };
    if (step === 'type') return { type };
    const place = card.fact(/lieu de naissance/i) ?? '';
    const lieu = fields.find((f) => f.name === 'lieu')?.options?.find((o) => (place.includes('étranger') ? o.value === 'etranger' : o.label.startsWith(place)))?.value ?? '';
    return { nom: card.fact(/nom de naissance/i) ?? '', prenoms: card.fact(/prénoms/i) ?? '', date: typed(card.fact(/date de naissance/i) ?? ''), lieu };
  });
  return submitCase(play.db, draft, play.persona, actor);
}

async function playParkingCard(play: Play): Promise<CaseRow> {
  const vehicle = play.card.fact(/véhicule/i) ?? '';
  const plate = /[A-Z]{2}-\d{3}-[A-Z]{2}/.exec(vehicle)?.[0];
  // The path without consent needs the plate: the card gives it whenever there is a car in the person's name.
  if (plate) {
    const pdf = { name: 'justificatif.pdf', bytes: new TextEncoder().encode('%PDF-1.4') };
    expect(checkProofForm(plate, { avis_imposition: pdf, certificat_immatriculation: pdf, justificatif_domicile: pdf })).toEqual({});
  }
  return fileParkingCardWithConsent(play.db, play.persona, { kind: 'usager', id: play.persona.id, label: play.persona.givenNames });
}

async function playDocumentAccess(play: Play): Promise<CaseRow> {
  const { card } = play;
  const wanted = { organisme: card.fact(/administration/i), document: card.fact(/^le document/i), mode: card.fact(/recevoir/i) };
  for (const [what, value] of Object.entries(wanted)) expect(value, `${play.persona.key} : la carte donne ${what}`).toBeTruthy();
  const { c, actor } = await play.file('acces-document');
  const draft = await fill(play, c, (step, fields): RawValues => {
    const options = fields[0]?.options ?? [];
    const pick = (label: string | null) => options.find((o) => o.label.toLowerCase() === label?.toLowerCase())?.value ?? '';
    return { [fields[0]!.name]: pick(wanted[step as keyof typeof wanted] ?? null) };
  });
  return submitCase(play.db, draft, play.persona, actor);
}

async function playActivityBonus(play: Play): Promise<CaseRow> {
  const { card } = play;
  const household = card.fact(/foyer/i);
  const pay = card.fact(/salaires/i);
  const other = card.fact(/autres ressources/i);
  for (const [what, value] of Object.entries({ household, pay, other })) expect(value, `${play.persona.key} : la carte donne ${what}`).toBeTruthy();
  const started = await play.file('prime-activite');
  // What the bodies know is written in first; the student then checks it against the card and corrects it.
  const c = await prefillOnce(play.db, started.c, play.persona);
  // Amounts typed as the card prints them (« 1 000 € » → « 1 000 »).
  const amounts = (text: string) => [...text.matchAll(/(\d[\d\u202f]*)\u00a0€/g)].map((m) => m[1]!);
  const [mois1, mois2, mois3] = amounts(pay!);
  const answers: Record<string, RawValues> = { foyer: { personnes: /^(\d+)/.exec(household!)![1]! }, revenus: { mois1: mois1!, mois2: mois2!, mois3: mois3!, autres: amounts(other!)[0]! } };
  let draft = c;
  for (const [step, values] of Object.entries(answers)) {
    draft = await saveDraft(play.db, draft, step, values);
    const result = await procedures['prime-activite'].steps.find((s) => s.id === step)!.validate(values, { db: play.db, persona: play.persona, answers: draft.answers });
    expect(result, `${play.persona.key}, étape « ${step} » remplie avec la carte`).toEqual({ ok: true });
  }
  return submitCase(play.db, draft, play.persona, started.actor);
}

describe('scenario cards', () => {
  it('every citizen card holds what its forms need, and plays to the outcome its scenario intends', { timeout: 120_000 }, async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Cartes', preset: 'tout', expectedStudents: 100 });
    const all = await db.select().from(personas).where(eq(personas.classSessionId, session.id)).all();
    expect(Object.keys(intended).sort()).toEqual(all.map((p) => p.key).sort());
    const joined = await joinSession(db, session, 'Lecteur', deviceHash(newDeviceSecret()));
    if (!joined.ok) throw new Error(joined.error);
    const clerk = async (agency: string) => (await db.select().from(agents).where(and(eq(agents.classSessionId, session.id), eq(agents.agencyId, agency as 'caf'))).get())!;
    const outcomes: Record<string, Record<string, string>> = {};

    for (const persona of all) {
      // The student is given this persona by the teacher, and reads the card on their séance page.
      const moved = (await reassignParticipant(db, session, joined.participant.id, { role: 'citoyen', subject: persona.id }))!;
      const card = read(await cardOf(db, moved));
      const play: Play = {
        db,
        persona,
        card,
        // Someone who never goes online files at the counter: an agent keys it in with them, from the same card.
        file: async (procedure) => {
          if (!cannotGoOnlineAlone(persona)) return { c: (await startCase(db, { classSessionId: session.id, personaId: persona.id, procedure })).c, actor: { kind: 'usager', id: persona.id, label: persona.givenNames } };
          const agent = await clerk(procedure === 'acte-naissance' ? 'etat-civil' : 'caf');
          return { c: await startOnBehalf(db, { ...agent, agencyId: agent.agencyId, unit: agent.unit } as Parameters<typeof startOnBehalf>[1], persona.id, procedure, 'guichet'), actor: agentActor(agent as Parameters<typeof agentActor>[0]) };
        },
      };
      outcomes[persona.key] = {};
      for (const procedure of Object.keys(intended[persona.key]!)) {
        const c =
          procedure === 'changement-adresse' ? await playAddressChange(play)
          : procedure === 'acte-naissance' ? await playBirthCertificate(play)
          : procedure === 'acces-document' ? await playDocumentAccess(play)
          : procedure === 'prime-activite' ? await playActivityBonus(play)
          : await playParkingCard(play);
        await runDueInstruction(db, session.id, new Date(Date.now() + 3600_000));
        outcomes[persona.key]![procedure] = (await db.select().from(cases).where(eq(cases.id, c.id)).get())!.state;
      }
    }
    expect(outcomes).toEqual(intended);
  });

  it('in the fines preset, each person the radars flashed plays their notice from the card alone: pay, designate, contest', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Amendes', preset: 'amendes', expectedStudents: 30 });
    const joined = await joinSession(db, session, 'Lecteur', deviceHash(newDeviceSecret()));
    if (!joined.ok) throw new Error(joined.error);
    const everyone = await db.select().from(personas).where(eq(personas.classSessionId, session.id)).all();
    const outcomes: Record<string, string> = {};
    for (const persona of everyone) {
      const moved = (await reassignParticipant(db, session, joined.participant.id, { role: 'citoyen', subject: persona.id }))!;
      const card = read(await cardOf(db, moved));
      // Signed in, the person's dashboard shows the same card: the fine's story, not their everyday errand.
      expect(await citizenCard(db, persona)).toEqual(await cardOf(db, moved));
      const offence = card.fact(/l’infraction/i);
      if (!offence) continue;
      // The card names the vehicle the notice is about, as the notice does.
      const [notice] = await noticesOf(db, persona);
      expect(card.fact(/le véhicule/i), `${persona.key} : la carte donne la plaque de l’avis`).toContain(notice!.registration);
      const pay = (n: typeof notice, who: Persona) => payNotice(db, who, n!.id, { numero: testCardNumber, expiration: '08/29', cryptogramme: '123', titulaire: `${who.givenNames} ${who.familyName}` });
      if (/contester/.test(card.goal)) {
        // The reason from the card's story; the proof it gives, downloaded as the page offers it.
        const motif = /plaques|vol/.test(card.text) ? 'vol' : /vendu/.test(card.text) ? 'cession' : 'autre';
        const proof = (await renderFictitiousProof(persona))!;
        // Élodie's receipt reads « Nous attestons qu’Élodie Marchand », not « que Élodie ».
        expect(await pdfText(proof.bytes)).toMatch(new RegExp(`Nous attestons qu(e |’)${persona.givenNames}`));
        expect(await pdfText(proof.bytes)).not.toMatch(/\bque [AEIOUYÉÈ]/);
        expect(card.fact(/preuve/i), `${persona.key} : la carte dit où trouver la preuve`).toMatch(/avis de contravention/);
        let c = (await startCase(db, { classSessionId: session.id, personaId: persona.id, procedure: 'contestation-amende' })).c;
        c = await saveDraft(db, c, 'avis', { avis: notice!.id });
        c = await saveDraft(db, c, 'motif', { motif, explication: `Plainte déposée : ${card.fact(/plainte/i) ?? ''}.` });
        const data = new FormData();
        data.append('piece', new File([new Uint8Array(proof.bytes)], proof.fileName, { type: 'application/pdf' }));
        expect(await saveStep(db, c, persona, 'piece', data)).toEqual({ ok: true, next: null });
        const filed = await submitCase(db, (await db.select().from(cases).where(eq(cases.id, c.id)).get())!, persona, { kind: 'usager', id: persona.id, label: persona.givenNames });
        await runDueInstruction(db, session.id, new Date(Date.now() + 60_000));
        expect((await db.select().from(cases).where(eq(cases.id, filed.id)).get())!.state).toBe('accepte');
      } else if (/désigner/.test(card.goal)) {
        // "Qui conduisait" names a person of the séance, found in the list the designation page offers.
        const driverName = card.fact(/qui conduisait/i) ?? '';
        const driver = everyone.find((p) => driverName.toLowerCase().includes(`${p.givenNames} ${p.familyName}`.toLowerCase()));
        expect(driver, `${persona.key} : la carte nomme le conducteur`).toBeTruthy();
        const sent = await designateDriver(db, persona, notice!.id, driver!.id);
        await pay(sent, driver!);
      } else {
        expect(card.goal).toMatch(/payer/);
        await pay(notice, persona);
      }
      outcomes[persona.key] = (await noticesOf(db, persona)).map((n) => n.state).join(',');
    }
    // Hugo's company designates him; he pays the notice then sent to him.
    expect(outcomes).toEqual({ 'nicolas-henry': 'payee', 'hugo-lambert': 'designee,payee', 'elodie-marchand': 'classee' });
    // A month lasts half an hour in this preset: the reduced amount lasts long enough to be paid in class.
    expect((await db.select().from(antaiNotices).where(and(eq(antaiNotices.classSessionId, session.id), eq(antaiNotices.state, 'payee'))).all()).map((n) => n.paidCents).sort()).toEqual([4_500, 9_000]);
  });

  it('in the identity documents’ preset, each card’s facts fill the pre-request, and the person collects the document', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Titres', preset: 'identite', expectedStudents: 30 });
    const joined = await joinSession(db, session, 'Lecteur', deviceHash(newDeviceSecret()));
    if (!joined.ok) throw new Error(joined.error);
    const everyone = await db.select().from(personas).where(eq(personas.classSessionId, session.id)).all();
    const outcomes: Record<string, string> = {};
    let now = new Date();
    for (const persona of everyone) {
      const moved = (await reassignParticipant(db, session, joined.participant.id, { role: 'citoyen', subject: persona.id }))!;
      const card = read(await cardOf(db, moved));
      const title = card.fact(/^le titre$/i);
      if (!title) continue;
      const forChild = /enfant/.test(title);
      const answers: Record<string, RawValues> = {
        titre: { titre: /passeport/.test(title) ? 'passeport' : 'cni' },
        motif: { motif: /première/.test(title) ? 'premiere' : /perte|vol/.test(title) ? 'perte_vol' : /changement/.test(title) ? 'changement' : 'renouvellement' },
        pour: { pour: forChild ? 'enfant' : 'moi' },
        ...(forChild ? { enfant: { nom: card.fact(/son nom/i) ?? '', prenoms: card.fact(/ses prénoms/i) ?? '', date: card.fact(/sa date de naissance/i) ?? '' } } : {}),
        signalement: { taille: /(\d+)\scm/.exec(card.fact(/taille/i) ?? '')?.[1] ?? '', yeux: card.fact(/yeux/i) ?? '', nom_usage: card.fact(/nom d’usage/i) ?? '' },
      };
      // The amount the card's constraints name, bought as the stamps page sells it.
      const price = /(\d+)\s€/.exec(card.text)?.[1];
      const kind = stampKinds.find((k) => k.cents === Number(price) * 100);
      if (kind) answers.timbre = { numero: (await buyStamp(db, persona, kind.value, { numero: testCardNumber, expiration: '08/29', cryptogramme: '123', titulaire: persona.familyName })).number };
      let c = (await startCase(db, { classSessionId: session.id, personaId: persona.id, procedure: 'titre-identite' })).c;
      for (const [step, values] of Object.entries(answers)) {
        c = await saveDraft(db, c, step, values);
        const result = await procedures['titre-identite'].steps.find((st) => st.id === step)!.validate(values, { db, persona, answers: c.answers });
        expect(result, `${persona.key}, étape « ${step} » remplie avec la carte`).toEqual({ ok: true });
      }
      const filed = await submitCase(db, c, persona, { kind: 'usager', id: persona.id, label: persona.givenNames });
      // The earliest slot of all the town halls, as the card advises.
      const slots = (await Promise.all(counters.map((k) => freeSlots(db, session.id, k.place, now)))).flat().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const booked = await book(db, filed.id, slots[0]!, { now });
      // Nobody plays the town halls: checked at the hour, produced a fortnight later, handed over when the person comes.
      now = new Date(booked.startsAt.getTime() + 1_000);
      await runDueInstruction(db, session.id, now);
      now = new Date(now.getTime() + 15 * 24 * 60 * 60_000 * (session.minutesPerMonth / (30 * 24 * 60)));
      await runDueInstruction(db, session.id, now);
      outcomes[persona.key] = `${(await db.select().from(cases).where(eq(cases.id, filed.id)).get())!.state}, ${(await askCollection(db, persona, filed.id, now)).collectedAt ? 'remis' : 'non remis'}, ${stampDue(filed.answers, persona) / 100} €`;
    }
    expect(outcomes).toEqual({ 'thomas-girard': 'accepte, remis, 25 €', 'nadia-haddad': 'accepte, remis, 17 €', 'yasmine-cherif': 'accepte, remis, 0 €' });
    // The debrief counts them, and the days from the pre-request to the document in hand (the counter's wait, then a fortnight).
    const { identity } = await computeDebrief(db, (await db.select().from(classSessions).where(eq(classSessions.id, session.id)).get())!, now);
    expect(identity).toMatchObject({ requested: 3, booked: 3, collected: 3 });
    expect(identity.medianDaysToCollection).toBeGreaterThanOrEqual(2 + 14);
    // Checked at the appointment's hour (a second after it, here): the counter's minutes.
    expect(identity.medianCounterMinutes).toBe(0);
  });
});
