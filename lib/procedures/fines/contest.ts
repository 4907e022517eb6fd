import { and, eq, isNull } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { antaiNotices } from '../../../db/tables';
import type { NewDocument } from '../../documents/documents';
import { formatDateTime, formatEuros } from '../../format';
import { agencyName } from '../../platform/consent-text';
import { CaseError } from '../engine/cases';
import { timeScaleOfSession } from '../engine/session-clock';
import type { CaseRow, Decision, FieldDef, Persona, ProcedureDef, StartBlocked, StepContext } from '../engine/types';
import { Checks, text } from '../fields';
import { needs } from '../engine/needs';
import { fictitiousProofOf } from './fictitious-proofs';
import { noticesOf, noticeStatus, type Notice } from './notices';

// Contester un avis de contravention (requête en exonération, CPP 529-2): the person says why, joins a proof, and the
// ANTAI's officer of the ministère public decides — classée sans suite, or rejected (the forfait is then due, without
// reduction). While it is examined the notice cannot be paid; the notice follows its case (`moved`).

export const contestReasons = ['vol', 'cession', 'autre'] as const;
export type ContestReason = (typeof contestReasons)[number];

export const contestReasonLabels: Record<ContestReason, { label: string; hint: string; proof: string; falc: string }> = {
  vol: {
    label: 'Le véhicule m’avait été volé, ou ses plaques ont été copiées (usurpation)',
    hint: 'Il faut avoir porté plainte : joignez le récépissé de la plainte.',
    proof: 'Le récépissé de votre plainte',
    falc: 'On m’a volé la voiture, ou on a copié ses plaques.',
  },
  cession: {
    label: 'J’avais vendu ou donné le véhicule avant l’infraction',
    hint: 'Joignez le certificat de cession, signé par l’acheteur.',
    proof: 'Le certificat de cession',
    falc: 'J’avais vendu la voiture avant.',
  },
  autre: {
    label: 'Autre raison : je conteste l’infraction elle-même',
    hint: 'Par exemple : le panneau manquait, ou l’heure est impossible. Joignez ce qui le montre (une photo, un billet de train…).',
    proof: 'Une pièce qui montre ce que vous dites',
    falc: 'Une autre raison.',
  },
};

const reasonOf = (answers: CaseRow['answers']) => text(answers.motif, 'motif') as ContestReason | '';

/** The person's notices that may still be contested (to pay, within the 45 days, not contested before). */
export async function contestableNotices(db: AsyncExecutor, persona: Persona, now = new Date()): Promise<Notice[]> {
  const scale = await timeScaleOfSession(db, persona.classSessionId);
  return (await noticesOf(db, persona, now)).filter((n) => noticeStatus(n, scale, now).contestable);
}

async function contestedNotice(db: AsyncExecutor, c: CaseRow): Promise<Notice | null> {
  return (await db.select().from(antaiNotices).where(and(eq(antaiNotices.id, text(c.answers.avis, 'avis')), eq(antaiNotices.personaId, c.personaId))).get()) ?? null;
}

const noticeTitle = (n: Notice) => `Avis n° ${n.number} : ${n.offence.charAt(0).toLowerCase()}${n.offence.slice(1)}`;

function decisionDocument(c: CaseRow, n: Notice, reason: string): NewDocument {
  return {
    classSessionId: c.classSessionId,
    personaId: c.personaId,
    caseId: c.id,
    kind: 'classement_amende',
    title: 'Décision de classement sans suite',
    issuer: 'antai',
    issuerLabel: `${agencyName('antai')} — officier du ministère public`,
    content: {
      champs: [
        { libelle: 'Avis de contravention', valeur: `n° ${n.number}` },
        { libelle: 'Infraction', valeur: `${n.offence}, le ${formatDateTime(n.offenceAt)}, ${n.place}` },
        { libelle: 'Véhicule', valeur: n.registration },
        { libelle: 'Contestation', valeur: `Dossier n° ${c.receiptNumber ?? ''}` },
        { libelle: 'Décision', valeur: `La contestation est fondée : ${reason}. L’avis est classé sans suite ; il n’y a rien à payer et aucun point n’est retiré.` },
      ],
      donnees: { avis: n.number, dossier: c.receiptNumber, decision: 'classement_sans_suite' },
    },
  };
}

/** Said before a draft is made, and on the step if the notices went meanwhile (paid in another tab). */
const nothingToContest: StartBlocked = {
  reason: 'Vous n’avez aucun avis de contravention à contester : il faut l’avoir reçu, ne pas l’avoir payé, et être dans les 45 jours.',
  forOther: 'La personne n’a aucun avis de contravention à contester : il faut l’avoir reçu, ne pas l’avoir payé, et être dans les 45 jours.',
  link: { href: '/citoyen/amendes', label: 'Voir mes avis de contravention' },
};

export const fineContestation: ProcedureDef = {
  id: 'contestation-amende',
  title: 'Contester un avis de contravention',
  shortTitle: 'Contes\u00adtation', // the soft hyphen: the cockpit's narrow table may break it there
  description: 'Vous avez reçu un avis de contravention et vous n’êtes pas d’accord ? Dites pourquoi, joignez une preuve : l’officier du ministère public décide. Si vous ne conduisiez pas, désignez plutôt le conducteur depuis l’avis.',
  enVrai: [
    'On conteste sur le site de l’ANTAI, ou par lettre recommandée, dans les 45 jours. L’officier du ministère public examine la requête : il classe l’avis sans suite, ou il le rejette, ou il transmet l’affaire au tribunal de police.',
    'Pour un radar, contester pour une autre raison qu’un vol, une usurpation de plaques ou une vente oblige à verser d’abord une consignation, égale à l’amende forfaitaire : elle est rendue si l’avis est classé. Cette simulation ne la demande pas.',
  ],
  cannotStart: needs(contestableNotices, nothingToContest),
  steps: [
    {
      id: 'avis',
      title: 'Quel avis contestez-vous ?',
      titleForOther: 'Quel avis la personne conteste-t-elle ?',
      falc: {
        title: 'Quelle amende ?', picto: 'document',
        lines: ['Vous avez reçu une amende.', 'Vous pensez qu’elle est fausse.', 'Choisissez cette amende.'],
        fields: { avis: { label: 'L’amende' } },
      },
      fields: async ({ db, persona }): Promise<FieldDef[]> => {
        const notices = await contestableNotices(db, persona);
        return [
          {
            kind: 'radio',
            name: 'avis',
            label: 'L’avis de contravention :',
            hint: notices.length === 0 ? nothingToContest.reason : undefined,
            options: notices.map((n) => ({ value: n.id, label: noticeTitle(n), hint: `Le ${formatDateTime(n.offenceAt)}, ${n.place}, véhicule ${n.registration}.` })),
          },
        ];
      },
      validate: async (values, { db, persona }) => {
        const c = new Checks();
        const id = text(values, 'avis');
        if (!(await contestableNotices(db, persona)).some((n) => n.id === id)) c.fail('avis', id ? 'Cet avis ne peut plus être contesté : il est payé, désigné, déjà contesté, ou les 45 jours sont passés.' : 'Choisissez l’avis que vous contestez.');
        return c.result();
      },
    },
    {
      id: 'motif',
      title: 'Pourquoi contestez-vous ?',
      titleForOther: 'Pourquoi la personne conteste-t-elle ?',
      intro: 'Choisissez la raison, puis expliquez en quelques phrases. L’officier du ministère public lit ce que vous écrivez.',
      falc: {
        title: 'Pourquoi ?', picto: 'personne',
        lines: ['Dites pourquoi l’amende est fausse.', 'Choisissez une raison.', 'Puis expliquez avec vos mots.'],
        fields: {
          motif: { label: 'La raison' },
          explication: { label: 'Expliquez avec vos mots', hint: 'Quelques phrases suffisent.' },
        },
      },
      fields: () => [
        { kind: 'radio', name: 'motif', label: 'La raison :', options: contestReasons.map((value) => ({ value, label: contestReasonLabels[value].label, hint: contestReasonLabels[value].hint })) },
        { kind: 'text', name: 'explication', label: 'Expliquez ce qui s’est passé', hint: 'Quelques phrases : où était le véhicule, qui l’avait, ce que montre votre pièce.', width: 'long', autoComplete: 'off' },
      ],
      validate: (values) => {
        const c = new Checks();
        if (!contestReasons.includes(text(values, 'motif') as ContestReason)) c.fail('motif', 'Choisissez la raison de votre contestation.');
        const explanation = text(values, 'explication').trim();
        if (c.require('explication', explanation, 'Expliquez ce qui s’est passé, en quelques phrases.') && explanation.length < 15) c.fail('explication', 'Expliquez un peu plus : une phrase complète au moins.');
        return c.result();
      },
    },
    {
      id: 'piece',
      title: 'Votre preuve',
      titleForOther: 'La preuve de la personne',
      intro: 'Sans preuve, une contestation est rejetée. Une photo nette ou un PDF suffit.',
      falc: {
        title: 'Votre preuve', picto: 'document',
        lines: ['Il faut une preuve.', 'Par exemple une photo ou un papier.', 'Choisissez le fichier sur votre appareil.'],
        fields: { piece: { label: 'Le fichier de la preuve' } },
      },
      fields: async ({ answers, persona }) => {
        const reason = reasonOf(answers);
        const given = fictitiousProofOf(persona);
        return [
          {
            kind: 'file',
            name: 'piece',
            proof: 'piece_contestation',
            label: reason ? contestReasonLabels[reason].proof : 'La pièce qui prouve ce que vous dites',
            hint: given ? `Pour la simulation, ${given.title} se télécharge depuis « Mes avis de contravention » (${given.fileName}).` : undefined,
          },
        ];
      },
      validate: (values) => {
        const c = new Checks();
        c.require('piece', text(values, 'piece'), 'Joignez votre preuve : un PDF, ou une photo JPEG ou PNG.');
        return c.result();
      },
    },
  ],
  summary: async ({ db, persona, answers }: StepContext) => {
    const n = await db.select().from(antaiNotices).where(and(eq(antaiNotices.id, text(answers.avis, 'avis')), eq(antaiNotices.personaId, persona.id))).get();
    const reason = reasonOf(answers);
    return [
      { label: 'Avis contesté', value: n ? `${noticeTitle(n)} (${n.registration}, le ${formatDateTime(n.offenceAt)})` : '', step: 'avis' },
      { label: 'Raison', value: reason ? contestReasonLabels[reason].label : '', step: 'motif' },
      { label: 'Explication', value: text(answers.motif, 'explication'), step: 'motif' },
      { label: 'Preuve jointe', value: text(answers.piece, 'piece'), step: 'piece' },
    ];
  },
  paper: [
    { title: 'L’avis contesté', fields: [{ kind: 'text', name: 'avis.numero', label: 'Numéro de l’avis de contravention (en haut de l’avis)' }] },
    {
      title: 'Pourquoi vous contestez',
      fields: [
        { kind: 'radio', name: 'motif.motif', label: 'La raison', options: contestReasons.map((value) => ({ value, label: contestReasonLabels[value].label })) },
        { kind: 'text', name: 'motif.explication', label: 'Expliquez ce qui s’est passé' },
        { kind: 'file', name: 'piece.piece', proof: 'piece_contestation', label: 'La preuve (récépissé de plainte, certificat de cession, photo…)' },
      ],
    },
  ],
  paperTo: 'à envoyer en lettre recommandée avec accusé de réception à l’adresse indiquée sur l’avis, avec l’original de l’avis',
  route: () => ({ agency: 'antai', unit: null }),
  accepted: { title: 'Votre contestation est acceptée : l’amende est classée sans suite.', text: 'Vous n’avez rien à payer. La décision est ci-dessous et dans votre coffre-fort.' },
  agentAccept: () => ({ label: 'Classer l’avis sans suite', hint: 'La contestation est fondée : l’amende est annulée et la décision part à la personne. Sinon, refusez en disant pourquoi : l’amende forfaitaire sera due.' }),
  /**
   * The automatic service's default: a theft or a sale, with its proof joined, is a ground the law names — classée; a
   * dispute of the offence itself needs a person's judgement, and without one the photo of the radar stands. An officer
   * played by a student weighs every contestation, and is followed.
   */
  instruct: async (db, c, _persona, by): Promise<Decision> => {
    const n = await contestedNotice(db, c);
    if (!n) return { decision: 'refuser', motif: 'L’avis contesté n’a pas été retrouvé.', solution: 'Vérifiez le numéro de l’avis et contestez de nouveau.' };
    const reason = reasonOf(c.answers);
    if (by === 'agent' || reason === 'vol' || reason === 'cession') {
      const why = reason === 'vol' ? 'le véhicule était volé ou ses plaques usurpées, la plainte le montre' : reason === 'cession' ? 'le véhicule était vendu avant l’infraction, le certificat de cession le montre' : 'les éléments joints le montrent';
      return { decision: 'accepter', documents: [decisionDocument(c, n, why)] };
    }
    const scale = await timeScaleOfSession(db, c.classSessionId);
    return {
      decision: 'refuser',
      motif: 'L’officier du ministère public a examiné votre contestation : les éléments joints ne montrent pas que l’infraction n’a pas été commise.',
      solution: `L’amende forfaitaire (${formatEuros(noticeStatus({ ...n, reopenedAt: new Date() }, scale).amounts.forfaitaire)}) est de nouveau à payer, en ligne, depuis vos avis de contravention. En vrai, vous pourriez aussi demander à être jugé par le tribunal de police.`,
    };
  },
  moved: async (tx, c, _from, now) => {
    const noticeId = text(c.answers.avis, 'avis');
    if (c.state === 'depose') {
      // Guarded: the notice paid or designated in another tab meanwhile is not contested too.
      const contested = await tx
        .update(antaiNotices)
        .set({ state: 'contestee', contestCaseId: c.id })
        .where(and(eq(antaiNotices.id, noticeId), eq(antaiNotices.personaId, c.personaId), eq(antaiNotices.state, 'a_payer'), isNull(antaiNotices.reopenedAt)))
        .returning({ id: antaiNotices.id })
        .get();
      if (!contested) throw new CaseError('avis_deja_traite', 'Cet avis a été payé, désigné ou contesté entre-temps : la contestation ne peut pas être envoyée.');
    } else if (c.state === 'accepte') {
      await tx.update(antaiNotices).set({ state: 'classee' }).where(and(eq(antaiNotices.contestCaseId, c.id), eq(antaiNotices.state, 'contestee'))).run();
    } else if (c.state === 'refuse' || c.state === 'sans_suite') {
      // Rejected, or withdrawn by the person: the notice is to pay again, the forfait counted from today.
      await tx.update(antaiNotices).set({ state: 'a_payer', reopenedAt: now }).where(and(eq(antaiNotices.contestCaseId, c.id), eq(antaiNotices.state, 'contestee'))).run();
    }
  },
};
