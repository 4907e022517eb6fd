import { and, eq, gte, lt, ne } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import type { AgencyId } from '../../../db/schema';
import { cases } from '../../../db/tables';
import type { NewDocument } from '../../documents/documents';
import { countOf, formatDateTime, formatEuros } from '../../format';
import { agencyName } from '../../platform/consent-text';
import { Checks, text } from '../fields';
import { caseWithId } from '../engine/cases';
import { needs } from '../engine/needs';
import { addScaled, scaledMs } from '../engine/time-scale';
import { timeScaleOfSession } from '../engine/session-clock';
import type { CaseRow, Decision, FieldDef, Persona, ProcedureDef, StepContext } from '../engine/types';
import { communicatedFields } from './communication';
import { documentHolders, documentsOf, heldDocument, type HeldDocument } from './documents';
import { accessCostCents, accessModeLabels, accessModes, cadaOpinion, canReferToCada, decideAccess, modeAvailable, pricePerPageCents, simulatedPostageCents, type AccessMode, type AccessRequest, type CadaOpinion } from './rules';

// Demande de communication d'un document administratif (loi du 17 juillet 1978), and the matter brought to the CADA
// after a refusal: the rules are in rules.ts, the bodies' documents in documents.ts; these are the two procedures'
// steps and what each body does with a request.

export const otherDocument = 'autre';

const holderLabels: Partial<Record<AgencyId, { label: string; hint: string }>> = {
  ville: { label: 'La mairie de Villeneuve-sur-Brenne', hint: 'Délibérations du conseil municipal, permis de construire, études, rapports…' },
  caf: { label: 'La caisse d’allocations familiales (CAF)', hint: 'Règlements, notes, rapports de contrôle…' },
  dgfip: { label: 'Les impôts (DGFiP)', hint: 'Brochures, valeurs locatives, programmes de travail…' },
};

/** How the form names a body that holds documents. */
export const holderLabel = (id: AgencyId) => holderLabels[id]?.label ?? agencyName(id);

const holderOf = (answers: CaseRow['answers']) => text(answers.organisme, 'organisme') as AgencyId;
/** The document asked for, when it is one the body holds (null: "another document", which the body does not have). */
export function askedDocument(answers: CaseRow['answers']): HeldDocument | null {
  const found = heldDocument(text(answers.document, 'document'));
  return found && found.agency === holderOf(answers) ? found : null;
}
const askedTitle = (answers: CaseRow['answers']) => askedDocument(answers)?.title ?? text(answers.description, 'description');

function modeHint(mode: AccessMode, document: HeldDocument | null): string {
  if (mode === 'consultation') return 'Dans les locaux de l’organisme, aux heures d’ouverture.';
  if (mode === 'courriel') return document?.format === 'papier' ? 'Impossible pour ce document : il n’existe que sur papier.' : 'Si le document existe sous forme électronique.';
  if (!document) return `${formatEuros(pricePerPageCents)} par page, plus les frais d’envoi.`;
  const postage = formatEuros(simulatedPostageCents(document.pages));
  return `${countOf(document.pages, 'page', 'pages')} à ${formatEuros(pricePerPageCents)}, plus ${postage} d’envoi : ${formatEuros(accessCostCents('copie', document))} en tout.`;
}

/** The request as the rules read it: the mode, who asks, how many requests they sent this body in the month before it. */
async function accessRequestOf(db: AsyncExecutor, c: CaseRow, persona: Persona): Promise<AccessRequest> {
  const scale = await timeScaleOfSession(db, c.classSessionId);
  const filedAt = c.submittedAt ?? new Date();
  const since = new Date(filedAt.getTime() - scaledMs({ months: 1 }, scale));
  const recent = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.personaId, c.personaId), eq(cases.procedure, 'acces-document'), c.agency ? eq(cases.agency, c.agency) : undefined, ne(cases.id, c.id), gte(cases.submittedAt, since), lt(cases.submittedAt, filedAt)))
    .all();
  return { mode: text(c.answers.mode, 'mode') as AccessMode, requesterId: persona.key, recentRequests: recent.length };
}

const modeNotes: Record<AccessMode, string> = {
  consultation: 'Vous pouvez consulter le document à l’accueil de l’organisme, aux heures d’ouverture. Le relevé de ce que vous y lirez est dans votre coffre-fort.',
  courriel: 'Le document vous est envoyé par courrier électronique : il est aussi dans votre coffre-fort.',
  copie: 'La copie part par la poste (dans l’histoire) : elle est aussi dans votre coffre-fort.',
};

/** What a body gives: the document, blacked out where the law says, the way asked for — or, when that way is impossible, on the spot. */
function communication(c: CaseRow, agency: AgencyId, document: HeldDocument, request: AccessRequest): { document: NewDocument; note: string } | null {
  let decision = decideAccess(document, request);
  let note = '';
  if (decision.kind === 'mode_impossible') {
    note = `${decision.motif} L’organisme vous propose de le consulter sur place, gratuitement. `;
    decision = decideAccess(document, { ...request, mode: decision.alternatives[0] ?? 'consultation' });
  }
  if (decision.kind !== 'communiquer') return null;
  const blackedOut = decision.blackedOut.length > 0 ? ` ${countOf(decision.parts.filter((p) => 'blackedOut' in p).length, 'passage est occulté', 'passages sont occultés')} : la loi protège d’autres personnes ou des secrets.` : '';
  return {
    document: {
      classSessionId: c.classSessionId,
      personaId: c.personaId,
      caseId: c.id,
      kind: 'document_administratif',
      title: document.title,
      issuer: agency,
      issuerLabel: agencyName(agency),
      content: { champs: communicatedFields(document, decision), donnees: { document: document.id, mode: decision.mode, occultations: decision.blackedOut, frais_centimes: decision.costCents } },
    },
    note: `${note}${modeNotes[decision.mode]}${blackedOut}${decision.costCents > 0 ? ` Frais à régler : ${formatEuros(decision.costCents)}.` : ''}`,
  };
}

const cadaSolution = 'Vous pouvez saisir la CADA (Commission d’accès aux documents administratifs) dans les deux mois : c’est gratuit, et obligatoire avant d’aller devant le tribunal administratif.';

export const documentAccess: ProcedureDef = {
  id: 'acces-document',
  title: 'Demander un document administratif',
  shortTitle: 'Document',
  description: 'Demandez à une administration de vous communiquer un document qu’elle détient : une délibération, un rapport, une étude… La loi du 17 juillet 1978 vous en donne le droit, sans avoir à dire pourquoi.',
  enVrai: [
    'Tout le monde peut demander un document administratif achevé, sans donner de raison. L’administration peut refuser s’il n’est pas terminé, s’il prépare une décision pas encore prise, ou s’il touche un secret protégé par la loi (vie privée, secret médical, sécurité publique…).',
    'Une copie papier ne peut pas coûter plus que sa reproduction : au plus 0,18 € la page en noir et blanc (arrêté du 1er octobre 2001), plus l’envoi. Ici, l’envoi est simulé : 1,50 € jusqu’à 3 pages, 3 € jusqu’à 15, 6 € au-delà.',
    'Sans réponse pendant un mois, la demande est refusée : c’est un refus implicite. On peut alors saisir la CADA dans les deux mois, puis le tribunal administratif. Dans la séance, un mois dure quelques minutes : c’est l’enseignant·e qui règle cette durée.',
  ],
  steps: [
    {
      id: 'organisme',
      title: 'À quelle administration demandez-vous le document ?',
      titleForOther: 'À quelle administration la personne demande-t-elle le document ?',
      falc: {
        title: 'Qui a le document ?', picto: 'organismes',
        lines: ['Les administrations gardent beaucoup de papiers.', 'Vous avez le droit de les lire.', 'Choisissez l’administration qui a le papier.'],
        fields: { organisme: { label: 'L’administration qui a le papier' } },
      },
      fields: () => [{ kind: 'radio', name: 'organisme', label: 'L’administration :', options: documentHolders.map((id) => ({ value: id, ...(holderLabels[id] ?? { label: agencyName(id) }) })) }],
      validate: (values) => {
        const c = new Checks();
        if (!documentHolders.includes(text(values, 'organisme') as AgencyId)) c.fail('organisme', 'Choisissez l’administration à qui vous demandez le document.');
        return c.result();
      },
    },
    {
      id: 'document',
      title: 'Quel document voulez-vous ?',
      titleForOther: 'Quel document la personne veut-elle ?',
      intro: 'Voici les documents que cette administration a publiés dans sa liste. Vous pouvez aussi en demander un autre.',
      falc: {
        title: 'Quel papier voulez-vous ?', picto: 'document',
        lines: ['Voici les papiers de cette administration.', 'Choisissez le papier que vous voulez lire.', 'Votre papier n’est pas dans la liste ?', 'Alors choisissez « Un autre document ».'],
        fields: { document: { label: 'Le papier que vous voulez' } },
      },
      fields: ({ answers }): FieldDef[] => [
        {
          kind: 'radio',
          name: 'document',
          label: 'Le document :',
          options: [
            ...documentsOf(holderOf(answers)).map((d) => ({ value: d.id, label: d.title, hint: `${d.format === 'papier' ? 'Sur papier seulement' : 'Document électronique'}, ${countOf(d.pages, 'page', 'pages')}.` })),
            { value: otherDocument, label: 'Un autre document', hint: 'Vous le décrirez à l’étape suivante.' },
          ],
        },
      ],
      validate: (values, { answers }) => {
        const c = new Checks();
        const id = text(values, 'document');
        if (id !== otherDocument && !documentsOf(holderOf(answers)).some((d) => d.id === id)) c.fail('document', 'Choisissez le document que vous voulez, ou « Un autre document ».');
        return c.result();
      },
    },
    {
      id: 'description',
      title: 'Décrivez le document',
      titleForOther: 'Décrivez le document',
      intro: 'Donnez assez de détails pour que l’administration le retrouve : son titre, sa date, son sujet.',
      falc: {
        title: 'Quel est ce papier ?', picto: 'document',
        lines: ['Écrivez ce que vous savez du papier.', 'Son nom, sa date, de quoi il parle.'],
        fields: { description: { label: 'Ce que vous savez du papier' } },
      },
      applies: ({ answers }) => text(answers.document, 'document') === otherDocument,
      fields: () => [{ kind: 'text', name: 'description', label: 'Le document demandé', hint: 'Par exemple : le compte rendu du conseil municipal du 3 mars.', width: 'long', autoComplete: 'off' }],
      validate: (values) => {
        const c = new Checks();
        const description = text(values, 'description');
        if (c.require('description', description, 'Décrivez le document que vous demandez.') && description.length < 5) c.fail('description', 'Donnez un peu plus de détails : au moins quelques mots.');
        return c.result();
      },
    },
    {
      id: 'mode',
      title: 'Comment voulez-vous le recevoir ?',
      titleForOther: 'Comment la personne veut-elle le recevoir ?',
      falc: {
        title: 'Comment voulez-vous le papier ?', picto: 'document',
        lines: ['Vous pouvez lire le papier sur place, gratuitement.', 'Vous pouvez le recevoir par courriel, gratuitement.', 'Vous pouvez recevoir une copie par la poste.', 'Vous payez alors la copie et le timbre.'],
        fields: { mode: { label: 'Comment voulez-vous le papier ?' } },
      },
      fields: ({ answers }) => [{ kind: 'radio', name: 'mode', label: 'Je veux :', options: accessModes.map((mode) => ({ value: mode, label: accessModeLabels[mode], hint: modeHint(mode, askedDocument(answers)) })) }],
      validate: (values, { answers }) => {
        const c = new Checks();
        const mode = text(values, 'mode') as AccessMode;
        if (!accessModes.includes(mode)) c.fail('mode', 'Choisissez comment vous voulez recevoir le document.');
        else {
          const document = askedDocument(answers);
          const available = document ? modeAvailable(mode, document) : { ok: true as const };
          if (!available.ok) c.fail('mode', `${available.motif} Choisissez ${available.alternatives.length > 1 ? 'la consultation sur place ou la copie papier' : 'la consultation sur place'}.`);
        }
        return c.result();
      },
    },
  ],
  summary: ({ answers }: StepContext) => {
    const document = askedDocument(answers);
    const mode = text(answers.mode, 'mode') as AccessMode;
    const holder = holderOf(answers);
    return [
      { label: 'Administration', value: holderLabels[holder]?.label ?? '', step: 'organisme' },
      { label: 'Document', value: askedTitle(answers), step: document ? 'document' : 'description' },
      { label: 'Communication', value: accessModes.includes(mode) ? accessModeLabels[mode] : '', step: 'mode' },
      ...(mode === 'copie' ? [{ label: 'Frais', value: document ? formatEuros(accessCostCents('copie', document)) : `${formatEuros(pricePerPageCents)} par page, plus l’envoi`, step: 'mode' }] : []),
    ];
  },
  paper: [
    { title: 'L’administration', fields: [{ kind: 'radio', name: 'organisme.organisme', label: 'À qui demandez-vous le document ?', options: documentHolders.map((id) => ({ value: id, label: holderLabels[id]?.label ?? agencyName(id) })) }] },
    { title: 'Le document', fields: [{ kind: 'text', name: 'document.document', label: 'Le document demandé (titre, date, sujet)' }] },
    { title: 'La communication', fields: [{ kind: 'radio', name: 'mode.mode', label: 'Je veux :', options: accessModes.map((mode) => ({ value: mode, label: accessModeLabels[mode] })) }] },
  ],
  paperTo: 'à envoyer ou à remettre à l’administration qui détient le document',
  route: ({ answers }) => ({ agency: holderOf(answers), unit: null }),
  instruct: async (db, c, persona): Promise<Decision> => {
    const document = askedDocument(c.answers);
    // The body that leaves this document's requests unanswered: its silence will be a refusal (the engine's `silence`).
    if (document?.unanswered) return { decision: 'attendre' };
    const agency = c.agency ?? holderOf(c.answers);
    const request = await accessRequestOf(db, c, persona);
    const decision = decideAccess(document, request);
    if (decision.kind === 'inexistant') {
      return { decision: 'refuser', motif: `${agencyName(agency)} ne détient pas de document correspondant à « ${askedTitle(c.answers)} ». ${decision.motif}`, solution: `Vérifiez le titre ou la date du document, ou demandez-le à une autre administration. ${cadaSolution}` };
    }
    if (decision.kind === 'refuser') return { decision: 'refuser', motif: decision.motif, solution: cadaSolution };
    const given = document && communication(c, agency, document, request);
    if (!given) return { decision: 'refuser', motif: 'Le document ne peut pas être communiqué.', solution: cadaSolution };
    return { decision: 'accepter', documents: [given.document], note: given.note };
  },
  silence: {
    after: { months: 1 },
    motif: 'L’administration n’a pas répondu dans le délai d’un mois : son silence vaut refus (refus implicite, article R311-13 du code des relations entre le public et l’administration).',
    solution: cadaSolution,
  },
  followUp: (c) => (c.state === 'refuse' ? { procedure: 'saisine-cada', label: 'Saisir la CADA', hint: 'La commission dira si le document doit vous être communiqué. C’est gratuit, et il faut le faire dans les deux mois.' } : null),
};

// The matter brought to the CADA.

/** The person's refused requests for a document, most recent first, with whether the CADA may still be asked. */
export async function refusedRequests(db: AsyncExecutor, persona: Persona, now = new Date()) {
  const scale = await timeScaleOfSession(db, persona.classSessionId);
  const refused = await db
    .select()
    .from(cases)
    .where(and(eq(cases.personaId, persona.id), eq(cases.procedure, 'acces-document'), eq(cases.state, 'refuse')))
    .all();
  return refused
    .filter((c) => c.closedAt)
    .sort((a, b) => b.closedAt!.getTime() - a.closedAt!.getTime())
    .map((c) => ({ c, referral: canReferToCada(c.closedAt!, scale, now), until: addScaled(c.closedAt!, { months: 2 }, scale) }));
}

/** The CADA's referral of this refused case, if the person has already brought it (one per refusal). */
async function referralOf(db: AsyncExecutor, persona: Persona, refusedCaseId: string, except: string | null) {
  const referrals = await db.select().from(cases).where(and(eq(cases.personaId, persona.id), eq(cases.procedure, 'saisine-cada'), ne(cases.state, 'brouillon'))).all();
  return referrals.find((r) => r.id !== except && text(r.answers.refus, 'dossier') === refusedCaseId) ?? null;
}

const opinionLabels: Record<CadaOpinion['avis'], string> = {
  favorable: 'Avis favorable : le document est communicable',
  favorable_partiel: 'Avis favorable, après occultation de certains passages',
  defavorable: 'Avis défavorable : le refus est justifié',
  sans_objet: 'Avis sans objet : le document n’existe pas',
};

export const cadaReferral: ProcedureDef = {
  id: 'saisine-cada',
  title: 'Saisir la CADA après un refus',
  shortTitle: 'CADA',
  description: 'Une administration a refusé de vous communiquer un document, ou ne vous a pas répondu en un mois ? La Commission d’accès aux documents administratifs dira si le document doit vous être communiqué.',
  enVrai: [
    'On saisit la CADA dans les deux mois qui suivent le refus, par son site, par courriel ou par courrier. C’est gratuit. La commission rend son avis dans le mois.',
    'L’avis de la CADA ne s’impose pas à l’administration, mais la plupart le suivent. Si l’administration maintient son refus, on peut aller devant le tribunal administratif dans les deux mois : sans passer d’abord par la CADA, le tribunal refuserait la demande.',
  ],
  cannotStart: needs(refusedRequests, {
    reason: 'Vous n’avez aucune demande de document refusée pour le moment. On saisit la CADA après un refus, ou quand l’administration n’a pas répondu en un mois.',
    forOther: 'La personne n’a aucune demande de document refusée : on saisit la CADA après un refus, ou quand l’administration n’a pas répondu en un mois.',
    link: { href: '/citoyen/demarches/acces-document', label: 'Demander un document administratif' },
  }),
  steps: [
    {
      id: 'refus',
      title: 'Quel refus contestez-vous ?',
      titleForOther: 'Quel refus la personne conteste-t-elle ?',
      falc: {
        title: 'Quel refus ?', picto: 'document',
        lines: ['Une administration a dit non à votre demande de papier.', 'Ou elle n’a pas répondu pendant un mois.', 'La CADA peut dire si elle doit vous donner le papier.', 'Choisissez la demande refusée.'],
        fields: { dossier: { label: 'La demande refusée' } },
      },
      fields: async ({ db, persona }): Promise<FieldDef[]> => {
        const refused = await refusedRequests(db, persona);
        return [
          {
            kind: 'radio',
            name: 'dossier',
            label: 'La demande refusée :',
            hint: refused.length === 0 ? 'Vous n’avez aucune demande de document refusée pour le moment.' : undefined,
            options: refused.map(({ c, referral, until }) => ({
              value: c.id,
              label: `${askedTitle(c.answers)} — dossier n° ${c.receiptNumber ?? ''}`,
              hint: `${c.outcome?.implicite ? 'Refus implicite' : 'Refusée'} le ${formatDateTime(c.closedAt!)}. ${referral.ok ? `Vous pouvez saisir la CADA jusqu’au ${formatDateTime(until)}.` : 'Le délai de deux mois est passé.'}`,
            })),
          },
        ];
      },
      validate: async (values, { db, persona }) => {
        const c = new Checks();
        const id = text(values, 'dossier');
        const found = (await refusedRequests(db, persona)).find((r) => r.c.id === id);
        if (!found) c.fail('dossier', 'Choisissez la demande de document qui a été refusée.');
        else if (!found.referral.ok) c.fail('dossier', `${found.referral.motif} La CADA ne peut plus être saisie pour cette demande.`);
        else if (await referralOf(db, persona, id, null)) c.fail('dossier', 'Vous avez déjà saisi la CADA pour cette demande.');
        return c.result();
      },
    },
    {
      id: 'observations',
      title: 'Ce que vous voulez dire à la commission',
      titleForOther: 'Ce que la personne veut dire à la commission',
      intro: 'Ce n’est pas obligatoire : la commission lit le document et la loi. Vous pouvez dire pourquoi ce document compte pour vous.',
      falc: {
        title: 'Voulez-vous dire quelque chose ?', picto: 'personne',
        lines: ['Vous pouvez écrire un message à la CADA.', 'Ce n’est pas obligatoire.'],
        fields: { observations: { label: 'Votre message (si vous voulez)' } },
      },
      fields: () => [{ kind: 'text', name: 'observations', label: 'Vos observations (facultatif)', width: 'long', autoComplete: 'off' }],
      validate: () => ({ ok: true }),
    },
  ],
  summary: async ({ db, persona, answers }: StepContext) => {
    const refused = (await refusedRequests(db, persona)).find((r) => r.c.id === text(answers.refus, 'dossier'));
    return [
      { label: 'Demande refusée', value: refused ? `${askedTitle(refused.c.answers)} — dossier n° ${refused.c.receiptNumber ?? ''}` : '', step: 'refus' },
      { label: 'Observations', value: text(answers.observations, 'observations') || 'Aucune', step: 'observations' },
      ...(text(answers.avis, 'avis') ? [{ label: 'Avis de la CADA', value: `${opinionLabels[text(answers.avis, 'avis') as CadaOpinion['avis']]}. ${text(answers.avis, 'motif')}`, step: 'refus' }] : []),
    ];
  },
  paper: [
    {
      title: 'La demande refusée',
      fields: [
        { kind: 'text', name: 'refus.dossier', label: 'Numéro du dossier refusé (sur l’accusé de réception)' },
        { kind: 'text', name: 'refus.organisme', label: 'L’administration qui a refusé, et la date du refus' },
      ],
    },
    { title: 'Vos observations', fields: [{ kind: 'text', name: 'observations.observations', label: 'Ce que vous voulez dire à la commission (facultatif)' }] },
  ],
  paperTo: 'à envoyer par courrier à la CADA, avec une copie du refus s’il est écrit',
  route: () => ({ agency: 'cada', unit: null }),
  accepted: { title: 'L’administration vous communique le document.', text: 'Elle a suivi l’avis de la CADA : le document et l’avis sont ci-dessous et dans votre coffre-fort.' },
  // The CADA gives its opinion, then passes the matter on to the body that refused, which decides again (its student
  // agent, or its automatic clerk following the opinion). Two months after the referral without a new decision, the
  // refusal stands (R343-5): the engine's silence, counted from the referral, whoever holds the case.
  instruct: async (db, c, persona): Promise<Decision> => {
    const refused = await caseWithId(db, text(c.answers.refus, 'dossier'));
    if (!refused || refused.personaId !== c.personaId) return { decision: 'refuser', motif: 'La demande refusée n’a pas été retrouvée.', solution: 'Refaites la saisine en choisissant la demande refusée.' };
    const agency = refused.agency ?? holderOf(refused.answers);
    const document = askedDocument(refused.answers);
    const request: AccessRequest = { mode: text(refused.answers.mode, 'mode') as AccessMode, requesterId: persona.key, recentRequests: 0 };
    const body = agencyName(agency);
    const given = text(c.answers.avis, 'avis') as CadaOpinion['avis'] | '';
    if (!given) {
      const opinion = cadaOpinion(document, request);
      const next = `${body} doit maintenant décider de nouveau. Sans nouvelle décision deux mois après la saisine, son refus est confirmé.`;
      const opinionDocument: NewDocument = {
        classSessionId: c.classSessionId,
        personaId: c.personaId,
        caseId: c.id,
        kind: 'avis_cada',
        title: 'Avis de la CADA',
        issuer: 'cada',
        issuerLabel: agencyName('cada'),
        content: {
          champs: [
            { libelle: 'Demande', valeur: `Dossier n° ${refused.receiptNumber ?? ''} adressé à ${body}` },
            { libelle: 'Document', valeur: askedTitle(refused.answers) },
            { libelle: 'Refus', valeur: refused.outcome?.implicite ? 'Refus implicite (pas de réponse en un mois)' : refused.outcome?.motif ?? '' },
            { libelle: 'Avis', valeur: opinionLabels[opinion.avis] },
            { libelle: 'Motif', valeur: opinion.motif },
            { libelle: 'Et ensuite', valeur: next },
          ],
          donnees: { dossier: refused.receiptNumber, avis: opinion.avis, organisme: agency, document: document?.id ?? null },
        },
      };
      return { decision: 'transmettre', to: agency, documents: [opinionDocument], answers: { avis: { avis: opinion.avis, motif: opinion.motif } }, note: `La CADA a rendu son avis : ${opinionLabels[opinion.avis].toLowerCase()}. ${next}` };
    }
    // The body decides again; its rules follow the opinion, as most bodies do (its student agent may still refuse).
    const favourable = given === 'favorable' || given === 'favorable_partiel';
    const communicated = favourable && document ? communication(c, agency, document, request) : null;
    if (!communicated) {
      return {
        decision: 'refuser',
        motif: `${body} maintient son refus${given === 'sans_objet' ? ' : le document n’existe pas, la CADA l’a constaté.' : given === 'defavorable' ? ', que la CADA juge justifié.' : '.'}`,
        solution: 'Vous pouvez saisir le tribunal administratif dans les deux mois : la saisine de la CADA était obligatoire avant.',
      };
    }
    return { decision: 'accepter', documents: [communicated.document], note: `${body} suit l’avis de la CADA et vous communique le document. ${communicated.note}` };
  },
  silence: {
    after: { months: 2 },
    motif: 'Deux mois après la saisine de la CADA, l’administration n’a pas pris de nouvelle décision : son refus est confirmé (article R343-5 du code des relations entre le public et l’administration).',
    solution: 'Vous pouvez saisir le tribunal administratif dans les deux mois.',
    says: { pending: (at) => `Sans nouvelle décision de l’administration le ${at}, son refus sera confirmé.`, refused: 'Le refus de l’administration est confirmé.' },
  },
  agentAccept: (c) =>
    c.agency === 'cada'
      ? { label: 'Rendre l’avis de la commission', hint: 'L’avis suit la loi de 1978 (les règles de la simulation) ; le dossier part ensuite à l’administration qui a refusé, qui décide de nouveau.' }
      : { label: 'Suivre l’avis et communiquer le document', hint: 'Le document part à la personne, occulté là où la loi le demande. Pour maintenir le refus, refusez le dossier.' },
};
