import { and, eq, isNull } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { appointments, personas } from '../../../db/tables';
import { formatStampNumber, stampDigits, stampProblem, useStamp } from '../../payments/fiscal-stamps';
import { appointmentOf, counterName, counterPlayed } from '../../appointments/appointments';
import { formatEuros, lowerFirst } from '../../format';
import { addNote } from '../engine/cases';
import { transition } from '../engine/transition';
import { timeScaleOfSession } from '../engine/session-clock';
import { addScaled, hasElapsed } from '../engine/time-scale';
import type { CaseRow, Decision, Persona, ProcedureDef, StepContext } from '../engine/types';
import { Checks, parseFrenchDate, text } from '../fields';

// Passeport ou carte nationale d'identité (issue 22): the pre-request online, then an appointment at a town hall with
// the equipment, where an agent checks the pre-request, the documents and the fingerprints; the document is produced
// after a delay on the séance's clock, and the person comes back to collect it. What is online and what stays at the
// counter ("phygital").

export const titles = [
  { value: 'cni', label: 'Carte nationale d’identité', hint: 'Gratuite ; valable 15 ans pour un adulte, 10 ans pour un mineur.' },
  { value: 'passeport', label: 'Passeport', hint: '86 € pour un adulte ; valable 10 ans pour un adulte, 5 ans pour un mineur.' },
] as const;
export const reasons = [
  { value: 'premiere', label: 'Une première demande', hint: 'Vous n’avez jamais eu ce titre.' },
  { value: 'renouvellement', label: 'Un renouvellement', hint: 'Votre titre expire bientôt, ou a expiré.' },
  { value: 'perte_vol', label: 'Mon titre a été perdu ou volé', hint: 'Une perte se déclare avec cette demande ; un vol, au commissariat ou à la gendarmerie.' },
  { value: 'changement', label: 'Un changement d’état civil', hint: 'Un nom d’usage (le nom d’un époux, les deux noms des parents), un mariage, un nouveau prénom.' },
] as const;
export const eyeColours = ['marron', 'noisette', 'verts', 'bleus', 'gris', 'noirs'] as const;

/** How long the production takes once the counter has checked the request (a fortnight, as in most départements). */
export const productionDays = 14;

type Title = (typeof titles)[number]['value'];
type Reason = (typeof reasons)[number]['value'];

/** "Mairie de X" → "à la mairie de X". */
export const atThe = (place: string) => `à la ${lowerFirst(place)}`;

/** Age in whole years on `today`, from an ISO date. */
function ageOn(iso: string, today: Date): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const age = today.getUTCFullYear() - y;
  return today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d) ? age - 1 : age;
}

/** The timbre fiscal due, in cents (code général des impôts, articles 953 and 1628 bis; 2026 amounts). */
export function stampDue(answers: CaseRow['answers'], persona: Persona, today = new Date()): number {
  const title = text(answers.titre, 'titre') as Title;
  const reason = text(answers.motif, 'motif') as Reason;
  const child = text(answers.pour, 'pour') === 'enfant';
  const born = child ? parseFrenchDate(text(answers.enfant, 'date')) : persona.birthdate;
  const age = born ? ageOn(born, today) : 18;
  if (title === 'passeport') return age >= 18 ? 8_600 : age >= 15 ? 4_200 : 1_700;
  return reason === 'perte_vol' ? 2_500 : 0;
}

const titleLabel = (answers: CaseRow['answers']) => titles.find((t) => t.value === text(answers.titre, 'titre'))?.label ?? 'Titre d’identité';
export const titleOf = (c: CaseRow) => titleLabel(c.answers);
/** A participle agreed with the title: "fabriquée" for the identity card, "fabriqué" for the passport. */
export const agreedWithTitle = (c: CaseRow, participle: string) => (text(c.answers.titre, 'titre') === 'cni' ? `${participle}e` : participle);

/**
 * The counter check the rules make when no student plays that town hall: at the appointment's time, the person is
 * there and the check is done (once: guarded). Returns the appointment as it stands.
 */
async function checkedByRules(db: AsyncExecutor, c: CaseRow, now: Date) {
  const appointment = await appointmentOf(db, c.id);
  if (!appointment || appointment.checkedAt || now.getTime() < appointment.startsAt.getTime()) return appointment;
  if (await counterPlayed(db, c.classSessionId, appointment.place)) return appointment;
  const place = await counterName(db, appointment.place);
  const actor = { kind: 'systeme' as const, id: null, label: `${place} — accueil automatique` };
  return transaction(db, async (tx) => {
    const checked = await tx.update(appointments).set({ checkedAt: now }).where(and(eq(appointments.id, appointment.id), isNull(appointments.checkedAt))).returning().get();
    if (checked && c.state === 'depose') await transition(tx, c, 'prendre', actor, {}, now);
    if (checked) await addNote(tx, c, actor, `Rendez-vous ${atThe(place)} : la pré-demande, les pièces et les empreintes sont vérifiées. Le titre part en fabrication.`, now);
    return checked ?? (await appointmentOf(tx, c.id));
  });
}

export const identityDocument: ProcedureDef = {
  id: 'titre-identite',
  title: 'Passeport ou carte d’identité, avec rendez-vous en mairie',
  shortTitle: 'Titre d’identité',
  description: 'Remplissez la pré-demande en ligne, puis prenez rendez-vous dans une mairie équipée : on y vérifie vos pièces et on prend vos empreintes. Le titre est fabriqué ensuite, et vous venez le chercher.',
  enVrai: [
    'La pré-demande se fait sur le site de l’ANTS ; on reçoit un numéro et un code QR à présenter en mairie. Seules les mairies équipées d’un dispositif de recueil prennent ces demandes : il faut souvent attendre plusieurs semaines, ou aller plus loin.',
    'Le passeport coûte 86 € pour un adulte, 42 € de 15 à 17 ans, 17 € avant 15 ans, payés par un timbre fiscal électronique. La carte d’identité est gratuite, sauf à remplacer une carte perdue ou volée : 25 €. On vient chercher son titre en personne, dans les trois mois.',
  ],
  steps: [
    {
      id: 'titre',
      title: 'Quel titre demandez-vous ?',
      titleForOther: 'Quel titre la personne demande-t-elle ?',
      falc: { title: 'Quel papier ?', picto: 'document', lines: ['Choisissez le papier que vous voulez.', 'La carte d’identité est gratuite.', 'Le passeport coûte de l’argent.'], fields: { titre: { label: 'Le papier' } } },
      fields: () => [{ kind: 'radio', name: 'titre', label: 'Le titre :', options: titles.map((t) => ({ ...t })) }],
      validate: (values) => {
        const c = new Checks();
        if (!titles.some((t) => t.value === text(values, 'titre'))) c.fail('titre', 'Choisissez la carte d’identité ou le passeport.');
        return c.result();
      },
    },
    {
      id: 'motif',
      title: 'Pourquoi le demandez-vous ?',
      titleForOther: 'Pourquoi la personne le demande-t-elle ?',
      falc: { title: 'Pourquoi ?', picto: 'personne', lines: ['Dites pourquoi vous faites la demande.', 'Par exemple, votre carte est trop vieille.', 'Ou vous l’avez perdue.'], fields: { motif: { label: 'La raison' } } },
      fields: () => [{ kind: 'radio', name: 'motif', label: 'La raison :', options: reasons.map((r) => ({ ...r })) }],
      validate: (values) => {
        const c = new Checks();
        if (!reasons.some((r) => r.value === text(values, 'motif'))) c.fail('motif', 'Choisissez la raison de votre demande.');
        return c.result();
      },
    },
    {
      id: 'pour',
      title: 'Pour qui est ce titre ?',
      titleForOther: 'Pour qui est ce titre ?',
      falc: { title: 'Pour qui ?', picto: 'personne', lines: ['Le papier est pour vous, ou pour votre enfant ?', 'Un enfant vient au rendez-vous avec un parent.'], fields: { pour: { label: 'Pour qui' } } },
      fields: () => [
        {
          kind: 'radio',
          name: 'pour',
          label: 'Le titre est pour :',
          options: [
            { value: 'moi', label: 'Moi' },
            { value: 'enfant', label: 'Mon enfant mineur', hint: 'L’enfant vient au rendez-vous avec vous ; ses empreintes sont prises à partir de 12 ans.' },
          ],
        },
      ],
      validate: (values) => {
        const c = new Checks();
        if (!['moi', 'enfant'].includes(text(values, 'pour'))) c.fail('pour', 'Dites si le titre est pour vous ou pour votre enfant.');
        return c.result();
      },
    },
    {
      id: 'enfant',
      title: 'Votre enfant',
      titleForOther: 'L’enfant',
      applies: ({ answers }) => text(answers.pour, 'pour') === 'enfant',
      falc: {
        title: 'Votre enfant', picto: 'personne',
        lines: ['Écrivez le nom de votre enfant.', 'Puis ses prénoms et sa date de naissance.'],
        fields: { nom: { label: 'Son nom' }, prenoms: { label: 'Ses prénoms' }, date: { label: 'Sa date de naissance', hint: 'Par exemple 14/03/2015.' } },
      },
      fields: () => [
        { kind: 'text', name: 'nom', label: 'Nom de l’enfant', autoComplete: 'off' },
        { kind: 'text', name: 'prenoms', label: 'Prénoms de l’enfant', hint: 'Dans l’ordre de l’acte de naissance.', autoComplete: 'off' },
        { kind: 'text', name: 'date', label: 'Date de naissance de l’enfant', hint: 'Au format jour/mois/année, par exemple 14/03/2015.', inputMode: 'numeric', width: 'court' },
      ],
      validate: (values) => {
        const c = new Checks();
        c.require('nom', text(values, 'nom').trim(), 'Écrivez le nom de l’enfant.');
        c.require('prenoms', text(values, 'prenoms').trim(), 'Écrivez les prénoms de l’enfant.');
        const born = parseFrenchDate(text(values, 'date'));
        if (c.require('date', text(values, 'date').trim(), 'Écrivez la date de naissance de l’enfant.')) {
          if (!born) c.fail('date', 'La date s’écrit jour/mois/année, par exemple 14/03/2015.');
          else if (ageOn(born, new Date()) >= 18 || born > new Date().toISOString().slice(0, 10)) c.fail('date', 'L’enfant doit être mineur : un adulte fait sa propre demande.');
        }
        return c.result();
      },
    },
    {
      id: 'signalement',
      title: 'Votre signalement et votre nom d’usage',
      titleForOther: 'Le signalement et le nom d’usage',
      intro: 'Ils sont imprimés sur le titre. La photo et les empreintes se font au rendez-vous.',
      falc: {
        title: 'À quoi vous ressemblez', picto: 'personne',
        lines: ['Votre taille et la couleur de vos yeux sont écrites sur le papier.', 'La photo et les empreintes se font à la mairie.'],
        fields: { taille: { label: 'Votre taille, en centimètres' }, yeux: { label: 'La couleur de vos yeux' }, nom_usage: { label: 'Un autre nom à écrire (si vous voulez)' } },
      },
      fields: ({ answers }) => [
        { kind: 'text', name: 'taille', label: 'Taille, en centimètres', hint: 'Par exemple 172.', inputMode: 'numeric', width: 'court', autoComplete: 'off' },
        { kind: 'radio', name: 'yeux', label: 'Couleur des yeux :', options: eyeColours.map((v) => ({ value: v, label: v.charAt(0).toUpperCase() + v.slice(1) })) },
        {
          kind: 'text',
          name: 'nom_usage',
          label: text(answers.motif, 'motif') === 'changement' ? 'Nom d’usage à inscrire' : 'Nom d’usage (facultatif)',
          hint: 'Par exemple le nom de votre époux ou épouse, ou les noms de vos deux parents.',
          autoComplete: 'off',
        },
      ],
      validate: (values, { answers }) => {
        const c = new Checks();
        const height = Number(text(values, 'taille').trim());
        if (c.require('taille', text(values, 'taille').trim(), 'Écrivez votre taille en centimètres.') && !(Number.isInteger(height) && height >= 40 && height <= 250)) c.fail('taille', 'La taille s’écrit en centimètres, entre 40 et 250 : par exemple 172.');
        if (!eyeColours.includes(text(values, 'yeux') as (typeof eyeColours)[number])) c.fail('yeux', 'Choisissez la couleur des yeux.');
        if (text(answers.motif, 'motif') === 'changement') c.require('nom_usage', text(values, 'nom_usage').trim(), 'Écrivez le nom d’usage à inscrire : c’est la raison de votre demande.');
        return c.result();
      },
    },
    {
      id: 'timbre',
      title: 'Votre timbre fiscal',
      titleForOther: 'Le timbre fiscal',
      intro: 'Ce titre se paie par un timbre fiscal électronique, acheté en ligne avant la pré-demande. Son numéro suffit : il n’y a rien à imprimer.',
      applies: ({ answers, persona }) => stampDue(answers, persona) > 0,
      falc: {
        title: 'Le timbre', picto: 'document',
        lines: ['Ce papier coûte de l’argent.', 'On paie avec un timbre acheté sur Internet.', 'Écrivez le numéro du timbre.'],
        fields: { numero: { label: 'Le numéro du timbre', hint: '16 chiffres.' } },
      },
      fields: ({ answers, persona }) => [
        {
          kind: 'text',
          name: 'numero',
          label: `Numéro du timbre fiscal de ${formatEuros(stampDue(answers, persona))}`,
          hint: '16 chiffres, sur le reçu du timbre dans votre coffre-fort. Pas encore de timbre ? Achetez-le depuis « Acheter un timbre fiscal », dans votre espace.',
          inputMode: 'numeric',
          autoComplete: 'off',
        },
      ],
      validate: async (values, { db, persona, answers }) => {
        const c = new Checks();
        const problem = await stampProblem(db, persona, text(values, 'numero'), stampDue(answers, persona), null);
        if (problem) c.fail('numero', problem);
        return c.result();
      },
    },
  ],
  summary: ({ persona, answers }: StepContext) => {
    const child = text(answers.pour, 'pour') === 'enfant';
    const due = stampDue(answers, persona);
    return [
      { label: 'Titre', value: titleLabel(answers), step: 'titre' },
      { label: 'Raison', value: reasons.find((r) => r.value === text(answers.motif, 'motif'))?.label ?? '', step: 'motif' },
      { label: 'Pour', value: child ? `${text(answers.enfant, 'prenoms')} ${text(answers.enfant, 'nom')}, né·e le ${text(answers.enfant, 'date')}` : 'Vous', step: child ? 'enfant' : 'pour' },
      { label: 'Taille et yeux', value: text(answers.signalement, 'taille') ? `${text(answers.signalement, 'taille')} cm, yeux ${text(answers.signalement, 'yeux')}` : '', step: 'signalement' },
      { label: 'Nom d’usage', value: text(answers.signalement, 'nom_usage') || 'Aucun', step: 'signalement' },
      { label: 'Timbre fiscal', value: due === 0 ? 'Aucun : ce titre est gratuit' : `${formatEuros(due)}, timbre n° ${formatStampNumber(stampDigits(text(answers.timbre, 'numero')))}`, step: due === 0 ? 'titre' : 'timbre' },
    ];
  },
  paper: [
    { title: 'Le titre', fields: [{ kind: 'radio', name: 'titre.titre', label: 'Le titre', options: titles.map((t) => ({ value: t.value, label: t.label })) }] },
    { title: 'La raison', fields: [{ kind: 'radio', name: 'motif.motif', label: 'La raison', options: reasons.map((r) => ({ value: r.value, label: r.label })) }] },
    { title: 'Signalement', fields: [{ kind: 'text', name: 'signalement.taille', label: 'Taille (cm)' }, { kind: 'text', name: 'signalement.yeux', label: 'Couleur des yeux' }, { kind: 'text', name: 'signalement.nom_usage', label: 'Nom d’usage (s’il y a lieu)' }] },
  ],
  paperTo: 'à apporter au rendez-vous dans une mairie équipée, avec une photo d’identité, un justificatif de domicile et l’ancien titre',
  // The counter: the town hall where the appointment is (booking sets the case's unit); the état civil of each town.
  route: () => ({ agency: 'etat-civil', unit: null }),
  rulesDecide: true,
  // Filed, the pre-request uses its stamp: once (the same stamp filed with another request meanwhile is refused).
  moved: async (tx, c) => {
    if (c.state !== 'depose') return;
    const persona = (await tx.select().from(personas).where(eq(personas.id, c.personaId)).get())!;
    if (stampDue(c.answers, persona) > 0) await useStamp(tx, c.personaId, text(c.answers.timbre, 'numero'), c.id);
  },
  accepted: { title: 'Votre titre est prêt.', text: 'Allez le chercher à la mairie de votre rendez-vous : il vous est remis en main propre.' },
  // What `instruct` below waits for: a booking, the appointment's hour (or the student at the counter), the production.
  waiting: async (db, c, now) => {
    const appointment = await appointmentOf(db, c.id);
    if (!appointment) return true;
    if (!appointment.checkedAt) return now.getTime() < appointment.startsAt.getTime() || (await counterPlayed(db, c.classSessionId, appointment.place));
    return !hasElapsed(appointment.checkedAt, { days: productionDays }, await timeScaleOfSession(db, c.classSessionId), now);
  },
  instruct: async (db, c, _persona, by, now): Promise<Decision> => {
    const appointment = by === 'regles' ? await checkedByRules(db, c, now) : await appointmentOf(db, c.id);
    if (!appointment?.checkedAt) return { decision: 'attendre' };
    if (!hasElapsed(appointment.checkedAt, { days: productionDays }, await timeScaleOfSession(db, c.classSessionId), now)) return { decision: 'attendre' };
    const place = await counterName(db, appointment.place);
    return { decision: 'accepter', documents: [], note: `${titleOf(c)} est ${agreedWithTitle(c, 'fabriqué')} : il vous attend ${atThe(place)}. Venez le chercher en personne.` };
  },
};

/** When the production will be done, once the counter has checked the request. */
export function readyAt(checkedAt: Date, scale: Parameters<typeof addScaled>[2]): Date {
  return addScaled(checkedAt, { days: productionDays }, scale);
}
