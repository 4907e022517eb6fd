import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { type AgencyId, type NoticeState } from '../../../db/schema';
import { addressNotices, personas } from '../../../db/tables';
import { agencyModules } from '../../agencies';
import { agencyName, agencyShortName } from '../../platform/consent-text';
import { lookupAddress, lookupAddresses } from '../../world/addresses';
import { agreed, countOf } from '../../format';
import { Checks, list, parseFrenchDate, text } from '../fields';
import { CaseError } from '../engine/cases';
import type { CaseRow, ProcedureDef } from '../engine/types';

// Changement d'adresse: one declaration, one notice per body chosen; each body updates its own records.

export const addressBodies: { id: AgencyId; hint: string }[] = [
  { id: 'caf', hint: 'Aides au logement, allocations familiales, RSA, prime d’activité.' },
  { id: 'cpam', hint: 'Assurance maladie et carte Vitale.' },
  { id: 'france-travail', hint: 'Si vous êtes inscrit·e comme demandeur d’emploi.' },
  { id: 'dgfip', hint: 'Impôts : votre adresse fiscale.' },
  { id: 'retraite', hint: 'Si vous recevez une pension de retraite.' },
  { id: 'la-poste', hint: 'Met à jour votre adresse. La réexpédition du courrier est un service payant, à part.' },
  { id: 'siv', hint: 'L’adresse de votre carte grise (en vrai, c’est une démarche à part sur le site de l’ANTS).' },
];

const dayMs = 86_400_000;

export async function newAddressOf(c: Pick<CaseRow, 'answers'>, db: AsyncExecutor) {
  return (await newAddressesOf([c], db))[0]!;
}

/** The new address of each declaration, in one read of the address base. */
export async function newAddressesOf(cs: Pick<CaseRow, 'answers'>[], db: AsyncExecutor) {
  const matches = await lookupAddresses(db, cs.map((c) => ({ line: text(c.answers.adresse, 'voie'), postalCode: text(c.answers.adresse, 'code_postal') })));
  return matches.map((match) => (match ? { addressLine: `${match.number} ${match.street}`, postalCode: match.postalCode, city: match.communeName } : null));
}

/** "3 organismes sur 4 ont mis à jour votre adresse." */
const updatedBy = (done: number, all: number) => `${countOf(done, 'organisme', 'organismes')} sur ${all} ${agreed(done, 'a', 'ont')} mis à jour votre adresse.`;

export const addressChange: ProcedureDef = {
  id: 'changement-adresse',
  title: 'Changement d’adresse',
  shortTitle: 'Adresse',
  description: 'Vous déménagez ? Déclarez votre nouvelle adresse une seule fois : chaque organisme que vous choisissez est prévenu.',
  enVrai: [
    'Le service en ligne « Déclarer un changement de coordonnées » prévient en une fois plusieurs organismes (caisses de sécurité sociale, impôts, fournisseurs d’énergie…).',
    'La carte grise se met à jour à part, sur le site de l’ANTS, dans le mois qui suit le déménagement. La réexpédition du courrier par La Poste est un service payant.',
  ],
  steps: [
    {
      id: 'adresse',
      title: 'Votre nouvelle adresse',
      titleForOther: 'Sa nouvelle adresse',
      intro: 'L’adresse est vérifiée dans la base des adresses du monde simulé.',
      falc: {
        title: 'Où habitez-vous maintenant ?', picto: 'maison',
        lines: ['Vous avez déménagé.', 'Écrivez votre nouvelle adresse.', 'Nous vérifions que cette adresse existe.'],
        fields: {
          voie: { label: 'Le numéro et le nom de votre rue', hint: 'Par exemple : 24 rue des Tanneurs' },
          code_postal: { label: 'Le code postal', hint: '5 chiffres. Par exemple : 00100' },
        },
      },
      fields: () => [
        { kind: 'text', name: 'voie', label: 'Numéro et nom de la voie', hint: 'Par exemple : 24 rue des Tanneurs', autoComplete: 'address-line1', width: 'long' },
        { kind: 'text', name: 'code_postal', label: 'Code postal', hint: '5 chiffres. Dans le monde simulé, ils commencent par 00 (par exemple 00100).', autoComplete: 'postal-code', inputMode: 'numeric', width: 'court' },
      ],
      validate: async (values, { db }) => {
        const c = new Checks();
        const voie = text(values, 'voie');
        const cp = text(values, 'code_postal');
        c.require('voie', voie, 'Saisissez le numéro et le nom de la voie.');
        if (c.require('code_postal', cp, 'Saisissez le code postal.') && !/^\d{5}$/.test(cp)) c.fail('code_postal', 'Le code postal compte 5 chiffres, par exemple 00100.');
        if (voie && /^\d{5}$/.test(cp)) {
          if (!/^\d/.test(voie)) c.fail('voie', 'Commencez par le numéro, par exemple : 24 rue des Tanneurs.');
          else if (!await lookupAddress(db, voie, cp)) c.fail('voie', 'Cette adresse n’existe pas dans la base des adresses pour ce code postal. Vérifiez le numéro, le nom de la voie et le code postal.');
        }
        return c.result();
      },
    },
    {
      id: 'date',
      title: 'La date de votre déménagement',
      titleForOther: 'La date de son déménagement',
      falc: {
        title: 'Quand avez-vous déménagé ?', picto: 'calendrier',
        lines: ['Écrivez le jour où vous êtes arrivé dans votre nouveau logement.', 'Cette date peut être dans le passé (moins d’un an).', 'Elle peut aussi être bientôt (moins de 3 mois).'],
        fields: { date: { label: 'La date de votre arrivée', hint: 'Le jour, le mois, l’année. Par exemple : 01/09/2026.' } },
      },
      fields: () => [{ kind: 'text', name: 'date', label: 'Date d’emménagement', hint: 'Au format jour/mois/année, par exemple 01/09/2026.', inputMode: 'numeric', width: 'court' }],
      validate: (values) => {
        const c = new Checks();
        const raw = text(values, 'date');
        if (c.require('date', raw, 'Saisissez la date d’emménagement.')) {
          const iso = parseFrenchDate(raw);
          if (!iso) c.fail('date', 'Cette date n’existe pas. Écrivez-la au format jour/mois/année, par exemple 01/09/2026.');
          else {
            const days = (new Date(iso).getTime() - Date.now()) / dayMs;
            if (days < -365) c.fail('date', 'Le déménagement date de plus d’un an : contactez directement chaque organisme.');
            else if (days > 90) c.fail('date', 'Vous pouvez déclarer un déménagement au plus trois mois à l’avance.');
          }
        }
        return c.result();
      },
    },
    {
      id: 'organismes',
      title: 'Les organismes à prévenir',
      titleForOther: 'Les organismes à prévenir',
      intro: 'Chaque organisme choisi recevra votre nouvelle adresse et la date. Il met à jour son propre dossier.',
      falc: {
        title: 'Qui doit connaître votre adresse ?', picto: 'organismes',
        lines: ['Vous écrivez votre adresse une seule fois.', 'Nous l’envoyons aux organismes que vous choisissez.', 'Choisissez les organismes qui vous connaissent.', 'Par exemple : la CAF si vous recevez des aides.'],
        fields: { organismes: { label: 'Cochez les organismes à prévenir', hint: 'Vous pouvez en cocher plusieurs.' } },
      },
      fields: () => [{ kind: 'checkboxes', name: 'organismes', label: 'Quels organismes voulez-vous prévenir ?', hint: 'Cochez ceux qui vous connaissent.', options: addressBodies.map((b) => ({ value: b.id, label: agencyName(b.id), hint: b.hint })) }],
      validate: (values) => {
        const chosen = list(values, 'organismes');
        const c = new Checks();
        if (chosen.length === 0) c.fail('organismes', 'Cochez au moins un organisme à prévenir.');
        else if (chosen.some((id) => !addressBodies.some((b) => b.id === id))) c.fail('organismes', 'Choisissez parmi les organismes de la liste.');
        return c.result();
      },
    },
  ],
  summary: async ({ db, answers }) => {
    const address = await newAddressOf({ answers }, db);
    return [
      { label: 'Nouvelle adresse', value: address ? `${address.addressLine}, ${address.postalCode} ${address.city}` : `${text(answers.adresse, 'voie')} ${text(answers.adresse, 'code_postal')}`, step: 'adresse' },
      { label: 'Date d’emménagement', value: text(answers.date, 'date'), step: 'date' },
      { label: 'Organismes prévenus', value: list(answers.organismes, 'organismes').map((id) => agencyShortName(id as AgencyId)).join(', '), step: 'organismes' },
    ];
  },
  route: () => ({ agency: null, unit: null }),
  // Filed once, the declaration opens one notice per body it goes to.
  moved: async (tx, c) => {
    if (c.state === 'depose') await createNotices(tx, c);
  },
  // Accepted once every notice is answered (applied or rejected), by a student or by the rules.
  waiting: async (db, c) => unanswered(await db.select({ state: addressNotices.state }).from(addressNotices).where(eq(addressNotices.caseId, c.id)).all()),
  instruct: async (db, c) => {
    const notices = await db.select().from(addressNotices).where(eq(addressNotices.caseId, c.id)).all();
    if (unanswered(notices)) return { decision: 'attendre' };
    const address = await newAddressOf(c, db);
    return {
      decision: 'accepter',
      documents: [],
      note: updatedBy(notices.filter((n) => n.state === 'appliquee').length, notices.length),
      // The person's home in the simulated world moves too.
      apply: async (tx) => {
        if (address) await tx.update(personas).set(address).where(eq(personas.id, c.personaId)).run();
      },
    };
  },
};

const unanswered = (notices: { state: NoticeState }[]) => notices.length === 0 || notices.some((n) => n.state === 'a_traiter');

/** Creates one notice per chosen body when the declaration is submitted. */
export async function createNotices(tx: AsyncExecutor, c: CaseRow): Promise<void> {
  for (const agency of list(c.answers.organismes, 'organismes') as AgencyId[]) {
    await tx.insert(addressNotices).values({ id: crypto.randomUUID(), caseId: c.id, classSessionId: c.classSessionId, agency }).onConflictDoNothing().run();
  }
}

/** A body applies (or rejects) a notice in its own records. */
export async function decideNotice(tx: AsyncExecutor, c: CaseRow, agency: AgencyId, now = new Date()): Promise<{ state: NoticeState; reason: string | null }> {
  const address = await newAddressOf(c, tx);
  const body = agencyModules[agency];
  const applied = address && body.applyAddressChange ? await body.applyAddressChange(tx, { classSessionId: c.classSessionId, personaId: c.personaId }, address) : false;
  const outcome = applied
    ? { state: 'appliquee' as const, reason: null }
    : { state: 'rejetee' as const, reason: `${agencyShortName(agency)} n’a pas de dossier à votre nom : il n’y avait rien à mettre à jour.` };
  await decide(tx, c, agency, { state: outcome.state, reason: outcome.reason, decidedAt: now });
  return outcome;
}

/**
 * Marks the body's notice decided, if it still waits; else the whole decision is undone (the caller's transaction): two
 * agents, two tabs or two page views running the rules at once each applied it and each told the person.
 */
async function decide(tx: AsyncExecutor, c: CaseRow, agency: AgencyId, decision: { state: NoticeState; reason: string | null; decidedAt: Date }) {
  const decided = await tx.update(addressNotices).set(decision).where(and(eq(addressNotices.caseId, c.id), eq(addressNotices.agency, agency), eq(addressNotices.state, 'a_traiter'))).returning({ id: addressNotices.id }).get();
  if (!decided) throw new CaseError('etat_incompatible', 'Cet avis a déjà été traité.');
}

/** A body's agent rejects a notice, with the reason the person will read. */
export async function rejectNotice(tx: AsyncExecutor, c: CaseRow, agency: AgencyId, reason: string, now = new Date()): Promise<{ state: NoticeState; reason: string | null }> {
  await decide(tx, c, agency, { state: 'rejetee', reason, decidedAt: now });
  return { state: 'rejetee', reason };
}

export function noticesOf(db: AsyncExecutor, caseId: string) {
  return db.select().from(addressNotices).where(eq(addressNotices.caseId, caseId)).all();
}
