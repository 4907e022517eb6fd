import { communes } from '../../../db/tables';
import { foreignBirthsRegistry, registryNames } from '../../../db/seed/reference-data';
import { findBirthAct, type BirthAct } from '../../agencies/etat-civil';
import { formatHour, formatIsoDate } from '../../format';
import { Checks, isoToFrench, parseFrenchDate, text } from '../fields';
import type { CaseRow, Persona, ProcedureDef, StepContext } from '../engine/types';

// Acte de naissance: the requester's link, the act's person, the type; the birth register instructs it.

export const links = [
  { value: 'moi', label: 'Mon propre acte de naissance' },
  { value: 'enfant', label: 'L’acte de mon enfant' },
  { value: 'parent', label: 'L’acte de mon père ou de ma mère' },
  { value: 'conjoint', label: 'L’acte de mon époux ou de mon épouse' },
  { value: 'autre', label: 'L’acte d’une autre personne', hint: 'Vous ne pourrez obtenir qu’un extrait sans filiation.' },
] as const;

export const actTypes = [
  { value: 'copie_integrale', label: 'Copie intégrale', hint: 'Tout l’acte, avec les parents et les mentions (mariage, divorce…).' },
  { value: 'extrait_filiation', label: 'Extrait avec filiation', hint: 'Un résumé de l’acte, avec les parents.' },
  { value: 'extrait_sans_filiation', label: 'Extrait sans filiation', hint: 'Un résumé de l’acte, sans les parents.' },
  { value: 'plurilingue', label: 'Extrait plurilingue', hint: 'Pour l’étranger : un extrait lisible dans plusieurs langues.' },
] as const;
type ActType = (typeof actTypes)[number]['value'];

const abroad = 'etranger';

/** The person whose act is asked: the requester themself, or the person they describe. */
export function actPerson(answers: CaseRow['answers'], persona: Persona) {
  if (text(answers.demandeur, 'lien') === 'moi') {
    return { familyName: persona.familyName, givenNames: persona.givenNames, birthDate: persona.birthdate, registry: persona.birthplaceCode ?? foreignBirthsRegistry };
  }
  const p = answers.personne;
  const place = text(p, 'lieu');
  return {
    familyName: text(p, 'nom'),
    givenNames: text(p, 'prenoms'),
    birthDate: parseFrenchDate(text(p, 'date')) ?? '',
    registry: place === abroad ? foreignBirthsRegistry : place,
  };
}

const englishLabels: Record<string, string> = {
  Acte: 'Record',
  Nom: 'Surname',
  Prénoms: 'Given names',
  Sexe: 'Sex',
  'Date et heure de naissance': 'Date and time of birth',
  'Lieu de naissance': 'Place of birth',
  Père: 'Father',
  Mère: 'Mother',
};

function documentFields(act: BirthAct, type: ActType) {
  const base = [
    { libelle: 'Nom', valeur: act.familyName },
    { libelle: 'Prénoms', valeur: act.givenNames },
    { libelle: 'Sexe', valeur: act.sex === 'F' ? 'Féminin' : 'Masculin' },
    { libelle: 'Date et heure de naissance', valeur: `${formatIsoDate(act.birthDate)} à ${formatHour(act.birthTime)}` },
    { libelle: 'Lieu de naissance', valeur: act.birthPlace },
  ];
  const parents = [
    { libelle: 'Père', valeur: act.fatherName ?? 'Non indiqué' },
    { libelle: 'Mère', valeur: act.motherName ?? 'Non indiquée' },
  ];
  const notes = [{ libelle: 'Mentions', valeur: act.marginalNotes.length ? act.marginalNotes.join(' ; ') : 'Aucune' }];
  const act_ = [{ libelle: 'Acte', valeur: `n° ${act.actNumber} de l’année ${act.year}, ${registryNames[act.registry] ?? act.registry}` }];
  switch (type) {
    case 'copie_integrale':
      return [...act_, ...base, ...parents, ...notes];
    case 'extrait_filiation':
      return [...act_, ...base, ...parents];
    case 'extrait_sans_filiation':
      return [...act_, ...base];
    case 'plurilingue':
      return [...act_, ...base, ...parents].map((f) => ({ ...f, libelle: `${f.libelle} / ${englishLabels[f.libelle] ?? ''}` }));
  }
}

export const birthCertificate: ProcedureDef = {
  id: 'acte-naissance',
  title: 'Acte de naissance',
  shortTitle: 'Acte de naissance',
  description: 'Demandez une copie ou un extrait d’acte de naissance à la mairie du lieu de naissance, ou au service central pour une naissance à l’étranger.',
  enVrai: [
    'La demande est gratuite. Méfiez-vous des sites qui la font payer : ils ne sont pas officiels.',
    'Pour une naissance à l’étranger, c’est le Service central d’état civil, à Nantes, qui délivre l’acte. Beaucoup de démarches n’exigent plus d’acte : l’administration le vérifie elle-même (COMEDEC).',
  ],
  steps: [
    {
      id: 'demandeur',
      title: 'Pour qui demandez-vous l’acte ?',
      titleForOther: 'Pour qui la personne demande-t-elle l’acte ?',
      falc: {
        title: 'Pour qui est l’acte ?', picto: 'personne',
        lines: ['Un acte de naissance est un papier de la mairie.', 'Il dit quand et où une personne est née.', 'Vous pouvez le demander pour vous.', 'Vous pouvez aussi le demander pour votre enfant, vos parents ou votre conjoint.'],
        fields: { lien: { label: 'Cet acte est pour qui ?' } },
      },
      fields: () => [{ kind: 'radio', name: 'lien', label: 'L’acte demandé est :', options: links.map((l) => ({ ...l })) }],
      validate: (values) => {
        const c = new Checks();
        const lien = text(values, 'lien');
        if (!links.some((l) => l.value === lien)) c.fail('lien', 'Choisissez pour qui vous demandez l’acte.');
        return c.result();
      },
    },
    {
      id: 'personne',
      title: 'La personne née',
      titleForOther: 'La personne née',
      intro: 'Écrivez les noms comme sur l’acte de naissance.',
      falc: {
        title: 'Qui est la personne ?', picto: 'personne',
        lines: ['Nous avons besoin de 4 informations sur la personne.', 'Écrivez son nom, ses prénoms, sa date de naissance.', 'Puis choisissez la ville où elle est née.'],
        fields: {
          nom: { label: 'Son nom de famille à la naissance' },
          prenoms: { label: 'Ses prénoms', hint: 'Écrivez tous les prénoms.' },
          date: { label: 'Sa date de naissance', hint: 'Le jour, le mois, l’année. Par exemple : 14/03/2006.' },
          lieu: { label: 'La ville où elle est née' },
        },
      },
      applies: ({ answers }) => text(answers.demandeur, 'lien') !== 'moi',
      fields: async ({ db }) => [
        { kind: 'text', name: 'nom', label: 'Nom de naissance', autoComplete: 'off' },
        { kind: 'text', name: 'prenoms', label: 'Prénoms', hint: 'Dans l’ordre de l’acte.', autoComplete: 'off' },
        { kind: 'text', name: 'date', label: 'Date de naissance', hint: 'Au format jour/mois/année, par exemple 14/03/2006.', inputMode: 'numeric', width: 'court' },
        {
          kind: 'radio',
          name: 'lieu',
          label: 'Lieu de naissance',
          options: [
            ...(await db.select().from(communes).all()).map((commune) => ({ value: commune.code, label: `${commune.name} (${commune.postalCode})` })),
            { value: abroad, label: 'À l’étranger', hint: 'La demande ira au Service central d’état civil.' },
          ],
        },
      ],
      validate: async (values, { db }) => {
        const c = new Checks();
        c.require('nom', text(values, 'nom'), 'Saisissez le nom de naissance.');
        c.require('prenoms', text(values, 'prenoms'), 'Saisissez au moins un prénom.');
        const date = text(values, 'date');
        if (c.require('date', date, 'Saisissez la date de naissance.')) {
          const iso = parseFrenchDate(date);
          if (!iso) c.fail('date', 'Cette date n’existe pas. Écrivez-la au format jour/mois/année, par exemple 14/03/2006.');
          else if (iso > new Date().toISOString().slice(0, 10)) c.fail('date', 'La date de naissance ne peut pas être dans le futur.');
        }
        const lieu = text(values, 'lieu');
        const known = lieu === abroad || (await db.select().from(communes).all()).some((commune) => commune.code === lieu);
        if (!known) c.fail('lieu', 'Choisissez le lieu de naissance.');
        return c.result();
      },
    },
    {
      id: 'type',
      title: 'Le document souhaité',
      titleForOther: 'Le document souhaité',
      falc: {
        title: 'Quel papier voulez-vous ?', picto: 'document',
        lines: ['Il y a plusieurs sortes d’actes.', 'L’extrait avec filiation donne aussi le nom des parents.', 'La copie intégrale donne tout l’acte.', 'Si vous ne savez pas : demandez à la personne qui vous demande ce papier.'],
        fields: { type: { label: 'Choisissez un papier' } },
      },
      fields: () => [{ kind: 'radio', name: 'type', label: 'Quel document voulez-vous ?', options: actTypes.map((t) => ({ ...t })) }],
      validate: (values) => {
        const c = new Checks();
        if (!actTypes.some((t) => t.value === text(values, 'type'))) c.fail('type', 'Choisissez le document souhaité.');
        return c.result();
      },
    },
  ],
  summary: ({ answers, persona }: StepContext) => {
    const lien = text(answers.demandeur, 'lien');
    const who = actPerson(answers, persona);
    const lines = [{ label: 'Acte demandé', value: links.find((l) => l.value === lien)?.label ?? '', step: 'demandeur' }];
    if (lien !== 'moi') {
      // What is not answered yet says so (the summary shows "Non renseigné" for an empty value).
      const name = `${who.givenNames} ${who.familyName}`.trim();
      lines.push({ label: 'Personne née', value: name ? `${name}${who.birthDate ? `, le ${isoToFrench(who.birthDate)}` : ''}` : '', step: 'personne' });
      lines.push({ label: 'Lieu de naissance', value: registryNames[who.registry] ?? '', step: 'personne' });
    }
    lines.push({ label: 'Document', value: actTypes.find((t) => t.value === text(answers.type, 'type'))?.label ?? '', step: 'type' });
    lines.push({ label: 'Service qui traitera la demande', value: registryNames[who.registry] ?? '', step: lien === 'moi' ? 'demandeur' : 'personne' });
    return lines;
  },
  route: ({ answers, persona }) => ({ agency: 'etat-civil', unit: actPerson(answers, persona).registry }),
  instruct: async (db, c, persona) => {
    const who = actPerson(c.answers, persona);
    const lien = text(c.answers.demandeur, 'lien');
    const type = text(c.answers.type, 'type') as ActType;
    const act = await findBirthAct(db, { classSessionId: c.classSessionId, ...who, registry: c.unit ?? who.registry });
    const register = registryNames[c.unit ?? who.registry] ?? 'le registre';
    if (!act) {
      return {
        decision: 'refuser',
        motif: `Aucun acte ne correspond dans le registre (${register}) : ${who.givenNames} ${who.familyName}, né·e le ${isoToFrench(who.birthDate)}.`,
        solution: 'Vérifiez l’orthographe des noms, la date et le lieu de naissance, puis refaites la demande. Pour une naissance à l’étranger, choisissez « À l’étranger ».',
      };
    }
    if (lien === 'autre' && type !== 'extrait_sans_filiation') {
      return {
        decision: 'refuser',
        motif: 'Pour l’acte d’une personne qui n’est ni vous, ni votre enfant, ni votre parent, ni votre époux ou épouse, seul l’extrait sans filiation peut être délivré.',
        solution: 'Refaites la demande en choisissant « Extrait sans filiation », ou demandez à la personne concernée de faire la demande.',
      };
    }
    const title = actTypes.find((t) => t.value === type)?.label ?? 'Acte';
    return {
      decision: 'accepter',
      documents: [
        {
          classSessionId: c.classSessionId,
          personaId: c.personaId,
          caseId: c.id,
          kind: `acte_naissance_${type}`,
          title: `${title} d’acte de naissance`,
          issuer: 'etat-civil',
          issuerLabel: register,
          content: { champs: documentFields(act, type), donnees: { acte: act.actNumber, annee: act.year, registre: act.registry, type } },
        },
      ],
      note: 'Le document est dans votre coffre-fort. (Dans l’histoire, il part aussi par la poste.)',
    };
  },
};
