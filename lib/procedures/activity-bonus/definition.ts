import type { AsyncExecutor } from '../../../db/engine';
import { countOf, elidedDe, formatEuroAmount, formatEuros, formatIsoDate } from '../../format';
import { agencyName } from '../../platform/consent-text';
import { Checks, text } from '../fields';
import type { CaseRow, FieldDef, Persona, ProcedureDef, RawValues, StepContext } from '../engine/types';
import { activityBonus, type DeclaredMonth } from './formula';
import { prefillActivityBonus } from './prefill';

// Prime d'activité: the CAF's request, pre-filled through the platform ("Dites-le-nous une fois"), checked and
// corrected by the person, who declares the last three months; the CAF decides with the simplified formula.

/** The answers' key that keeps what the bodies said, beside what the person then typed (not a step). */
export const prefillKey = 'preremplissage';

const monthNames = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** The last three whole months before `now`, oldest first ("septembre 2026"). */
export function lastThreeMonths(now = new Date()): string[] {
  return [3, 2, 1].map((back) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return `${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  });
}
const monthFields = ['mois1', 'mois2', 'mois3'] as const;

/** How many people a CAF file's family situation counts ("Mariée, 2 enfants" → 4). */
export function personsIn(situation: string): number {
  const children = Number(/(\d+) enfants?/.exec(situation)?.[1] ?? 0);
  const couple = /mari|pacs|concubin|en couple/i.test(situation) ? 2 : 1;
  return couple + children;
}

/** Whole euros as typed ("1 200", "1200", "1 200 €"), or null. */
export function parseEuros(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f€]/g, '');
  return /^\d{1,6}$/.test(cleaned) ? Number(cleaned) : null;
}

/** An amount typed in whole euros as the recap prints it (« 1 200 € »); what does not read as one, as typed. */
const amountAnswer = (typed: string) => {
  const amount = parseEuros(typed);
  return amount === null ? typed : formatEuroAmount(amount);
};

/** What the bodies said, written into the draft: the answers the form shows, and a copy kept to see corrections. */
async function prefill(db: AsyncExecutor, persona: Persona, c: CaseRow): Promise<Record<string, RawValues>> {
  const { sources, own } = await prefillActivityBonus(db, persona, c.id);
  const dgfip = sources.find((s) => s.provider === 'dgfip');
  const work = sources.find((s) => s.provider === 'france-travail');
  const rfr = typeof dgfip?.data?.revenu_fiscal_reference === 'number' ? dgfip.data.revenu_fiscal_reference : null;
  const monthly = rfr === null ? '' : String(Math.round(rfr / 12));
  const persons = own ? String(personsIn(own.familySituation)) : '';
  const kept: RawValues = {
    personnes: persons,
    situation: own?.familySituation ?? '',
    parts: dgfip?.data?.nombre_parts !== undefined ? String(dgfip.data.nombre_parts) : '',
    rfr: rfr === null ? '' : String(rfr),
    annee: dgfip?.data?.annee_revenus !== undefined ? String(dgfip.data.annee_revenus) : '',
    mois: monthly,
    inscription: work?.data ? `${String(work.data.categorie ?? '')}, depuis le ${formatIsoDate(String(work.data.depuis ?? ''))}` : '',
    echanges: sources.map((s) => `${s.provider}:${s.result}:${s.entryId ?? ''}`).join(' '),
  };
  return { [prefillKey]: kept, foyer: { personnes: persons }, revenus: { mois1: monthly, mois2: monthly, mois3: monthly, autres: '0' } };
}

/** The figures of the form the bodies filled (the household, each month's income): what `correctionsOf` counts in. */
export function prefilledFigures(answers: CaseRow['answers']): number {
  const kept = answers[prefillKey];
  return kept ? (text(kept, 'personnes') ? 1 : 0) + (text(kept, 'mois') ? monthFields.length : 0) : 0;
}

/** What the person changed from what the bodies said: "label: was → now", for the history and the decision. */
export function correctionsOf(answers: CaseRow['answers']): string[] {
  const kept = answers[prefillKey];
  if (!kept) return [];
  const changed: string[] = [];
  const persons = text(answers.foyer, 'personnes');
  if (text(kept, 'personnes') && persons !== text(kept, 'personnes')) changed.push(`Personnes au foyer : ${text(kept, 'personnes')} selon la CAF → ${persons}`);
  const months = lastThreeMonths();
  const said = parseEuros(text(kept, 'mois'));
  monthFields.forEach((name, i) => {
    const typed = parseEuros(text(answers.revenus, name));
    if (said !== null && typed !== null && typed !== said) changed.push(`Revenus ${elidedDe(months[i]!)} : ${formatEuroAmount(said)} d’après la DGFiP → ${formatEuroAmount(typed)}`);
  });
  return changed;
}

/** The three months and the household as the CAF's formula reads them. */
function computationOf(answers: CaseRow['answers']) {
  const persons = Number(text(answers.foyer, 'personnes')) || 1;
  const other = (parseEuros(text(answers.revenus, 'autres')) ?? 0) * 100;
  const months: DeclaredMonth[] = monthFields.map((name) => ({ earningsCents: [(parseEuros(text(answers.revenus, name)) ?? 0) * 100], otherResourcesCents: other }));
  return { persons, result: activityBonus(persons, months) };
}

const sourceHint = (kept: RawValues | undefined, what: 'personnes' | 'mois') => {
  if (!kept) return undefined;
  if (what === 'personnes') {
    return text(kept, 'situation')
      ? `Pré-rempli par la CAF, d’après votre dossier d’allocataire (« ${text(kept, 'situation')} »)${text(kept, 'parts') ? ` ; les impôts comptent ${countOf(Number(text(kept, 'parts')), 'part', 'parts')} pour votre foyer` : ''}. Corrigez si ce n’est plus juste.`
      : 'La CAF n’a pas de dossier à votre nom : indiquez combien vous êtes (vous, votre conjoint·e, vos enfants à charge).';
  }
  return text(kept, 'mois')
    ? `Pré-rempli par la DGFiP, sur la base de la loi : votre revenu fiscal de référence ${text(kept, 'annee')} (${formatEuros(Number(text(kept, 'rfr')) * 100)}) divisé par 12. Vérifiez avec vos fiches de paie et corrigez.`
    : 'Les impôts n’ont pas transmis de revenu : écrivez ce que vous avez gagné en travaillant.';
};

export const activityBonusProcedure: ProcedureDef = {
  id: 'prime-activite',
  title: 'Demander la prime d’activité',
  shortTitle: 'Prime d’activité',
  description: 'La CAF verse la prime d’activité aux personnes qui travaillent et gagnent peu. Votre demande est déjà remplie avec ce que les impôts, France Travail et la CAF savent : vous vérifiez, vous corrigez, vous envoyez.',
  enVrai: [
    'La demande se fait sur caf.fr ou l’application de la CAF, puis une déclaration tous les trois mois. Le simulateur officiel donne une estimation avant de la faire.',
    'Les organismes s’échangent vos revenus et votre situation parce que la loi le prévoit : vous n’avez pas à donner votre accord, mais vous pouvez savoir qui a demandé quoi. Les montants de cette simulation sont proches de ceux de 2025, avec un calcul simplifié (sans le forfait logement).',
  ],
  steps: [
    {
      id: 'foyer',
      title: 'Votre foyer',
      titleForOther: 'Le foyer de la personne',
      intro: 'Comptez-vous, votre conjoint·e s’il y en a un·e, et les enfants qui vivent avec vous.',
      falc: {
        title: 'Qui vit avec vous ?', picto: 'personne',
        lines: ['La CAF a déjà rempli ce nombre.', 'Vérifiez-le.', 'Comptez vous, votre conjoint et vos enfants.'],
        fields: { personnes: { label: 'Combien de personnes vivent chez vous ?' } },
      },
      fields: ({ answers }): FieldDef[] => [{ kind: 'text', name: 'personnes', label: 'Nombre de personnes au foyer', hint: sourceHint(answers[prefillKey], 'personnes'), inputMode: 'numeric', width: 'court' }],
      validate: (values) => {
        const c = new Checks();
        const n = text(values, 'personnes');
        if (c.require('personnes', n, 'Indiquez combien de personnes vivent dans votre foyer.') && (!/^\d{1,2}$/.test(n) || Number(n) < 1 || Number(n) > 12)) c.fail('personnes', 'Écrivez un nombre entier de 1 à 12.');
        return c.result();
      },
    },
    {
      id: 'revenus',
      title: 'Vos revenus des trois derniers mois',
      titleForOther: 'Les revenus de la personne sur les trois derniers mois',
      intro: 'Ce que vous avez gagné en travaillant, net, mois par mois, en euros sans les centimes. Puis les autres ressources du foyer.',
      falc: {
        title: 'Combien avez-vous gagné ?', picto: 'calendrier',
        lines: ['Les impôts ont déjà rempli vos salaires.', 'Regardez vos fiches de paie.', 'Corrigez si ce n’est pas juste.'],
        fields: {
          mois1: { label: 'Votre salaire du premier mois' },
          mois2: { label: 'Votre salaire du deuxième mois' },
          mois3: { label: 'Votre salaire du dernier mois' },
          autres: { label: 'Vos autres aides, chaque mois', hint: 'Par exemple le chômage. Sinon, écrivez 0.' },
        },
      },
      fields: ({ answers }): FieldDef[] => {
        const months = lastThreeMonths();
        const kept = answers[prefillKey];
        return [
          ...monthFields.map((name, i): FieldDef => ({ kind: 'text', name, label: `Revenus du travail en ${months[i]} (€)`, hint: i === 0 ? sourceHint(kept, 'mois') : undefined, inputMode: 'numeric', width: 'court' })),
          {
            kind: 'text', name: 'autres', label: 'Autres ressources du foyer, par mois (€)', inputMode: 'numeric', width: 'court',
            hint: kept && text(kept, 'inscription') ? `France Travail indique que vous êtes inscrit·e (${text(kept, 'inscription')}) : comptez vos allocations chômage.` : 'Allocations chômage, pensions, pensions alimentaires… Écrivez 0 s’il n’y en a pas.',
          },
        ];
      },
      validate: (values) => {
        const c = new Checks();
        const months = lastThreeMonths();
        monthFields.forEach((name, i) => {
          if (c.require(name, text(values, name), `Indiquez vos revenus ${elidedDe(months[i]!)}, ou 0.`) && parseEuros(text(values, name)) === null) c.fail(name, `Écrivez vos revenus ${elidedDe(months[i]!)} en euros, sans les centimes : par exemple 1250.`);
        });
        if (c.require('autres', text(values, 'autres'), 'Indiquez les autres ressources du foyer, ou 0.') && parseEuros(text(values, 'autres')) === null) c.fail('autres', 'Écrivez les autres ressources en euros, sans les centimes : par exemple 400.');
        return c.result();
      },
    },
  ],
  summary: ({ answers }: StepContext) => {
    const months = lastThreeMonths();
    const corrected = correctionsOf(answers);
    const complete = monthFields.every((m) => parseEuros(text(answers.revenus, m)) !== null) && text(answers.foyer, 'personnes');
    return [
      { label: 'Personnes au foyer', value: text(answers.foyer, 'personnes'), step: 'foyer' },
      ...monthFields.map((name, i) => ({ label: `Revenus ${elidedDe(months[i]!)}`, value: amountAnswer(text(answers.revenus, name)), step: 'revenus' })),
      { label: 'Autres ressources, par mois', value: amountAnswer(text(answers.revenus, 'autres')), step: 'revenus' },
      { label: 'Données corrigées', value: corrected.length ? corrected.join(' ; ') : 'Aucune : les données transmises sont justes', step: 'revenus' },
      ...(complete ? [{ label: 'Montant estimé', value: `${formatEuros(computationOf(answers).result.amountCents)} par mois` }] : []),
    ];
  },
  route: () => ({ agency: 'caf', unit: null }),
  prefill,
  // On paper nobody asks the bodies for the person: the copies they would have given are to be attached (the debrief
  // counts the papers the online request spared). The counter agent who keys it in gets the pre-fill, like online.
  paper: (now) => [
    { title: 'Votre foyer', fields: [{ kind: 'text', name: 'foyer.personnes', label: 'Nombre de personnes au foyer (vous, votre conjoint·e, vos enfants à charge)' }] },
    {
      title: 'Vos revenus des trois derniers mois',
      fields: [
        ...lastThreeMonths(now).map((month, i): FieldDef => ({ kind: 'text', name: `revenus.${monthFields[i]}`, label: `Revenus du travail en ${month}, nets (€)` })),
        { kind: 'text', name: 'revenus.autres', label: 'Autres ressources du foyer, par mois (€) : chômage, pensions…' },
      ],
    },
    {
      title: 'Les copies à joindre',
      fields: [
        {
          kind: 'checkboxes',
          name: 'pieces',
          label: 'Cochez les copies jointes. En ligne, la CAF demande elle-même ces informations aux impôts et à France Travail.',
          options: [
            { value: 'avis_imposition', label: 'Votre dernier avis d’impôt sur le revenu' },
            { value: 'bulletins_salaire', label: 'Vos bulletins de salaire des trois derniers mois' },
            { value: 'attestation_france_travail', label: 'Votre attestation d’inscription à France Travail, si vous êtes inscrit·e' },
          ],
        },
      ],
    },
  ],
  paperTo: 'à envoyer à votre CAF ou à remettre à son accueil, ou dans un espace France Services',
  instruct: async (_db, c) => {
    const { persons, result } = computationOf(c.answers);
    const corrected = correctionsOf(c.answers);
    const traced = corrected.length ? ` Vos corrections, gardées dans le dossier : ${corrected.join(' ; ')}.` : '';
    if (!result.paid) {
      return {
        decision: 'refuser',
        motif: `Avec ${formatEuros(result.earningsCents)} de revenus du travail par mois en moyenne pour un foyer de ${countOf(persons, 'personne', 'personnes')}, le calcul donne ${result.amountCents > 0 ? formatEuros(result.amountCents) : 'moins de 15 €'} : la prime n’est pas versée en dessous de 15 € par mois.${traced}`,
        solution: 'Si vos revenus baissent ou si votre foyer change, refaites une demande : la prime se recalcule tous les trois mois.',
      };
    }
    return {
      decision: 'accepter',
      documents: [
        {
          classSessionId: c.classSessionId,
          personaId: c.personaId,
          caseId: c.id,
          kind: 'decision_prime_activite',
          title: 'Décision de prime d’activité',
          issuer: 'caf',
          issuerLabel: agencyName('caf'),
          content: {
            champs: [
              { libelle: 'Foyer', valeur: countOf(persons, 'personne', 'personnes') },
              { libelle: 'Revenus du travail, moyenne mensuelle', valeur: formatEuros(result.earningsCents) },
              { libelle: 'Autres ressources, par mois', valeur: formatEuros(result.otherResourcesCents) },
              { libelle: 'Montant forfaitaire du foyer', valeur: formatEuros(result.lumpSumCents) },
              { libelle: 'Bonification individuelle', valeur: formatEuros(result.bonusCents) },
              { libelle: 'Prime d’activité, par mois', valeur: formatEuros(result.amountCents) },
              { libelle: 'Données pré-remplies', valeur: 'Revenu fiscal de référence (DGFiP), inscription (France Travail), composition du foyer (CAF) : sur la base de la loi, sans votre accord.' },
              { libelle: 'Corrections de la personne', valeur: corrected.length ? corrected.join(' ; ') : 'Aucune' },
            ],
            donnees: { montant_centimes: result.amountCents, personnes: persons, corrections: corrected.length },
          },
        },
      ],
      note: `La prime d’activité est accordée : ${formatEuros(result.amountCents)} par mois pendant trois mois, puis une nouvelle déclaration.${traced}`,
    };
  },
};
