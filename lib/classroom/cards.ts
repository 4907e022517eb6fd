import { and, eq, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { sessionById } from './session-by-id';
import type { AsyncExecutor } from '../../db/engine';
import { type AgencyId, type DigitalProfile } from '../../db/schema';
import { agencies, agents, aidants, birthRecords, communes, personas, sivVehicles } from '../../db/tables';
import { recordedOffences } from '../procedures/fines/offences';
import { personaSeeds, type Address } from '../../db/seed/personas';
import { foreignBirthsRegistry } from '../../db/seed/reference-data';
import { countOf, formatEuroAmount, formatIsoDate, formatNumericDate, lowerFirst, agreed } from '../format';
import type { Participant } from './participants';
import { heldDocument } from '../procedures/document-access/documents';
import { holderLabel } from '../procedures/document-access/definition';
import { accessModeLabels } from '../procedures/document-access/rules';

// Scenario cards: what each role is told at the start (situation, goal, constraints) and the hints the teacher can reveal.

/** A fact the student needs to fill the forms in (an address, a plate, a date), shown on the card as label and value. */
export type CardFact = { label: string; value: string };
export type ScenarioCard = { title: string; playing: string | null; situation: string; goal: string; constraints: string; hints: string[]; facts: CardFact[] };

const procedureHints: { test: RegExp; hints: string[] }[] = [
  {
    test: /stationnement/,
    hints: [
      'La ville a besoin de savoir que vous habitez bien chez vous et que la voiture est à votre nom, à votre adresse.',
      'Avec votre accord, la ville interroge elle-même les impôts et le registre des cartes grises : vous n’envoyez aucun papier.',
      'Si la demande est refusée, lisez la raison : elle dit aussi quoi faire. Une adresse pas à jour se corrige par un changement d’adresse.',
    ],
  },
  {
    test: /adresse|déménagement|prévenir/,
    hints: [
      'Une seule déclaration suffit : cochez chaque organisme qui doit connaître votre nouvelle adresse.',
      'Ensuite, ouvrez « Mes données » : vous y voyez ce que chaque organisme sait de vous et ce qui a changé.',
      'La carte grise se change à part, sur le site de l’ANTS dans la réalité ; ici, le SIV est dans la liste.',
    ],
  },
  {
    test: /acte de naissance/,
    hints: [
      'C’est la mairie du lieu de naissance qui délivre l’acte ; pour une naissance à l’étranger, c’est un service central.',
      'Un extrait « avec filiation » donne les noms des parents ; la copie intégrale donne tout l’acte.',
      'Le document reçu est signé : scannez son code QR pour vérifier qu’il est authentique.',
    ],
  },
];

const profileHints: Partial<Record<DigitalProfile, string>> = {
  jamais_internet: 'Vous n’avez jamais utilisé Internet : demandez à un·e aidant·e France Services, ou remplissez le formulaire papier.',
  peu_a_l_aise: 'Vous pouvez vous faire aider par un·e aidant·e France Services : il ou elle agit avec votre mandat.',
  zone_blanche: 'Le réseau est mauvais chez vous : ce que vous saisissez est gardé, même si une page ne se charge pas.',
  lecture_difficile: 'Les textes longs vous fatiguent : prenez le temps de chaque étape, une question à la fois.',
  deficience_visuelle: 'Vous utilisez un lecteur d’écran : essayez de faire toute la démarche au clavier.',
};

const agencyCards: Record<AgencyId, { situation: string; goal: string }> = {
  ville: { situation: 'Vous instruisez les demandes de carte de stationnement résidentiel de Villeneuve-sur-Brenne.', goal: 'Traiter les demandes de carte envoyées avec des justificatifs, les demandes de documents administratifs (loi de 1978) et celles que la CADA vous renvoie avec son avis ; répondre aux questions des habitants.' },
  'etat-civil': { situation: 'Vous tenez le registre des naissances de votre mairie, et son guichet des passeports et cartes d’identité.', goal: 'Délivrer les actes demandés, à la bonne personne et sous la bonne forme ; au guichet, vérifier les pré-demandes de titre d’identité (pièces, empreintes) le jour du rendez-vous, puis remettre les titres fabriqués.' },
  caf: { situation: 'Vous gérez les dossiers d’allocataires de la CAF.', goal: 'Mettre à jour les adresses signalées, décider des primes d’activité, et répondre aux demandes de documents (et aux avis de la CADA).' },
  cpam: { situation: 'Vous gérez les dossiers des assurés de la CPAM.', goal: 'Mettre à jour les adresses signalées.' },
  'france-travail': { situation: 'Vous suivez les demandeurs d’emploi inscrits chez France Travail.', goal: 'Mettre à jour les adresses signalées.' },
  dgfip: { situation: 'Vous travaillez au service des impôts des particuliers.', goal: 'Mettre à jour les adresses signalées, répondre aux demandes de documents (et aux avis de la CADA) ; regarder qui interroge vos données par la plateforme.' },
  siv: { situation: 'Vous tenez le registre des cartes grises.', goal: 'Mettre à jour les adresses des certificats d’immatriculation ; regarder qui interroge vos données.' },
  retraite: { situation: 'Vous gérez les dossiers des retraités de la caisse.', goal: 'Mettre à jour les adresses signalées.' },
  'la-poste': { situation: 'Vous gérez les clients de La Poste.', goal: 'Mettre à jour les adresses signalées.' },
  antai: { situation: 'Vous êtes officier ou officière du ministère public, auprès de l’ANTAI.', goal: 'Lire les contestations d’amendes et les justificatifs : classer l’avis quand la contestation est fondée, la rejeter sinon, en disant pourquoi.' },
  cada: { situation: 'Vous êtes rapporteur ou rapporteure de la Commission d’accès aux documents administratifs.', goal: 'Lire chaque refus de communiquer un document, et dire si le document est communicable : en entier, après avoir caché certains passages, ou pas du tout. Votre avis part ensuite à l’administration qui a refusé : elle décide de nouveau.' },
};

const documentHints = [
  'Vous n’avez pas à dire pourquoi vous voulez le document : la loi de 1978 donne ce droit à tout le monde.',
  'Par courrier électronique ou sur place, c’est gratuit ; une copie papier coûte au plus 0,18 € la page, plus l’envoi.',
  'Un refus, même sans réponse, n’est pas la fin : la CADA peut être saisie dans les deux mois, depuis la page de la demande refusée.',
];

const bonusHints = [
  'La demande arrive déjà remplie : la CAF a demandé vos revenus aux impôts et votre inscription à France Travail, comme la loi le lui permet.',
  'Ce qui est pré-rempli peut être faux ou ancien : comparez avec votre carte et corrigez. Chaque correction est gardée dans le dossier.',
  'Ouvrez ensuite « Mes données » : vous y voyez qui a demandé quoi, et sur quelle base.',
];

const fineHints = [
  'Vos avis sont dans votre espace, « Mes avis de contravention » : le montant baisse si vous payez vite, il augmente si vous attendez.',
  'Vous ne conduisiez pas ? Désignez la personne qui conduisait. Vous n’êtes pas d’accord ? Contestez, avec une preuve ; ne payez pas, payer c’est reconnaître.',
  'Ouvrez ensuite « Mes données » : vous y voyez comment l’ANTAI a trouvé votre nom et votre adresse à partir de la plaque.',
];

const identityHints = [
  'La pré-demande se fait en ligne ; le titre, lui, se demande au guichet d’une mairie équipée, où l’on prend vos empreintes.',
  'La mairie la plus proche n’a pas toujours de place : regardez le premier créneau de chaque mairie.',
  'Le jour du rendez-vous, l’agent lit votre pré-demande grâce à son numéro ou à son code QR : vous n’avez rien à remplir de nouveau.',
];

const agentHints = [
  'Votre page « Agent » liste les demandes qui attendent votre organisme : prenez-en une pour l’instruire.',
  'Ouvrez le « mode expert » d’un dossier pour voir la requête envoyée à la plateforme et sa réponse.',
  'Refuser, c’est choisir un motif et l’expliquer simplement : la personne lira votre texte.',
];

/** The card of a participant's role, with the account they play. */
export async function cardOf(db: AsyncExecutor, participant: Participant): Promise<ScenarioCard> {
  const id = participant.subjectId ?? '';
  if (participant.role === 'citoyen') {
    const p = await db.select().from(personas).where(eq(personas.id, id)).get();
    return p ? citizenCard(db, p) : { title: 'Citoyen·ne', playing: null, situation: '', goal: '', constraints: '', hints: [], facts: [] };
  }
  if (participant.role === 'agent') {
    const a = await db.select({ agent: agents, name: agencies.shortName }).from(agents).innerJoin(agencies, eq(agencies.id, agents.agencyId)).where(eq(agents.id, id)).get();
    if (!a) return { title: 'Agent', playing: null, situation: '', goal: '', constraints: '', hints: agentHints, facts: [] };
    const card = agencyCards[a.agent.agencyId];
    return {
      title: `Agent — ${a.name}`,
      playing: `${a.agent.givenName} ${a.agent.familyName}, ${lowerFirst(a.agent.jobTitle)}`,
      situation: card.situation,
      goal: card.goal,
      constraints: 'Vous ne voyez que les données de votre organisme. Pour en obtenir d’un autre, il faut passer par la plateforme, avec une habilitation et, souvent, l’accord de la personne.',
      hints: agentHints,
      facts: [],
    };
  }
  if (participant.role === 'aidant') {
    const a = await db.select().from(aidants).where(eq(aidants.id, id)).get();
    return {
      title: 'Aidant·e France Services',
      playing: a ? `${a.givenName} ${a.familyName}, ${a.structure}` : null,
      situation: 'Des personnes qui n’utilisent pas Internet viennent vous voir pour faire leurs démarches.',
      goal: 'Faire la démarche avec la personne, sous un mandat qu’elle a accepté, sans jamais utiliser ses mots de passe.',
      constraints: 'Le mandat dit quelles démarches et jusqu’à quand. La personne doit le confirmer, et peut le retirer à tout moment.',
      hints: [
        'Commencez par créer un mandat pour la personne, avec seulement les démarches utiles.',
        'Demandez à l’élève qui joue la personne de confirmer le mandat depuis son espace.',
        'Dans « Mes données », la personne voit tout ce que vous avez fait pour elle.',
      ],
      facts: [],
    };
  }
  return {
    title: 'Observateur·rice (audit)',
    playing: null,
    situation: 'Vous contrôlez la plateforme d’échange de données de la séance, comme le ferait la CNIL ou un auditeur.',
    goal: 'Repérer qui demande quelles données, à qui, pour quoi faire, et sur quelle base (la loi ou l’accord de la personne).',
    constraints: 'Vous lisez le journal et le catalogue ; vous ne voyez pas le contenu des données échangées.',
    hints: [
      'Comparez chaque échange du journal avec les habilitations du catalogue : tout est-il prévu ?',
      'Un échange refusé n’est pas un échec : demandez-vous pourquoi il a été refusé.',
      'Vérifiez que le journal est intact : chaque entrée contient l’empreinte de la précédente.',
    ],
    facts: [],
  };
}

type PersonaRow = typeof personas.$inferSelect;

// Read on each citizen's dashboard and each step of their procedures (the card's facts): built once (db/prepared.ts).
const communeByCode = prepared((db) => db.select().from(communes).where(eq(communes.code, sql.placeholder('code'))));
const vehiclesOf = prepared((db) => db.select().from(sivVehicles).where(eq(sivVehicles.personaId, sql.placeholder('persona'))));

/**
 * A persona's card, whoever looks at it: the student who plays them on « Ma séance », the persona on their own dashboard
 * (the same story and the same facts, the fine's or the identity card's in those séances).
 */
export async function citizenCard(db: AsyncExecutor, p: PersonaRow): Promise<ScenarioCard> {
  const seed = personaSeeds.find((s) => s.key === p.key)?.card;
  const playing = `${p.givenNames} ${p.preferredName ?? p.familyName}, ${lowerFirst(p.occupation)}`;
  // In a preset of its own, a persona plays that preset's story (the fine the radars sent, the identity card to
  // renew), not their everyday errand.
  const preset = seed?.fineOf || seed?.idOf ? (await sessionById(db, p.classSessionId))?.preset : null;
  const profile = profileHints[p.digitalProfile] ? [profileHints[p.digitalProfile]!] : [];
  if (seed?.fineOf && preset === 'amendes') {
    const fine = seed.fineOf;
    return { title: fine.title, playing, situation: fine.situation, goal: fine.goal, constraints: fine.constraints, hints: [...profile, ...fineHints], facts: [...(await fineFacts(db, p)), ...fine.facts] };
  }
  if (seed?.idOf && preset === 'identite') {
    const id = seed.idOf;
    return { title: id.title, playing, situation: id.situation, goal: id.goal, constraints: id.constraints, hints: [...profile, ...identityHints], facts: id.facts };
  }
  const goal = lowerFirst(p.goal);
  const asksDocument = personaSeeds.some((s) => s.key === p.key && s.card.documentOf);
  const asksBonus = personaSeeds.some((s) => s.key === p.key && s.card.bonusOf);
  const hints = [
    ...profile,
    ...procedureHints.filter((h) => h.test.test(goal)).flatMap((h) => h.hints),
    ...(asksDocument ? documentHints : []),
    ...(asksBonus ? bonusHints : []),
  ];
  return { title: p.scenarioTitle, playing, situation: p.situation, goal: p.goal, constraints: p.constraints, hints, facts: await citizenFacts(db, p) };
}

const linkWords = { enfant: 'votre enfant', parent: 'votre père ou votre mère', conjoint: 'votre époux ou votre épouse' } as const;

/**
 * Every fact the persona's forms need (issue 16), read from the séance's world when it is rendered: the new address
 * of someone who moves and the date to declare, the address and vehicles of someone who asks for a parking card, the
 * birth of the person whose act is asked. A card can then not go stale when the seed changes.
 */
async function citizenFacts(db: AsyncExecutor, p: PersonaRow, today = new Date()): Promise<CardFact[]> {
  const seed = personaSeeds.find((s) => s.key === p.key)?.card;
  const goal = lowerFirst(p.goal);
  const postal = (code: string) => communeByCode(db).get({ code });
  const address = async (a: Address) => {
    const c = await postal(a.commune);
    return c ? `${a.line}, ${c.postalCode} ${c.name}` : a.line;
  };
  const facts: CardFact[] = [];
  if (seed?.moveTo) {
    facts.push({ label: 'Votre nouvelle adresse', value: await address(seed.moveTo) });
    if (!/caf|assurance maladie|france travail|impôts|retraite|la poste/.test(goal))
      facts.push({ label: 'Qui prévenir', value: 'Les organismes qui ont votre adresse : ouvrez « Mes données », partie « Ce que chaque organisme sait de vous ».' });
    facts.push({ label: 'Date d’emménagement à déclarer', value: `aujourd’hui, le ${formatNumericDate(today)}` });
  }
  if (/stationnement/.test(goal)) {
    facts.push({ label: 'Votre adresse', value: `${p.addressLine}, ${p.postalCode} ${p.city}` });
    const cars = await vehiclesOf(db).all({ persona: p.id });
    facts.push({
      label: agreed(cars.length, 'Votre véhicule', 'Vos véhicules'),
      value: cars.length === 0 ? 'Aucun véhicule à votre nom.' : cars.map((v) => `${v.make} ${v.model}, immatriculé ${v.registration}${v.holderKind === 'societe' ? ` (au nom de ${v.holderName})` : ''}`).join(' ; '),
    });
  }
  if (/acte de naissance/.test(goal)) {
    if (seed?.actOf) {
      const act = await db
        .select()
        .from(birthRecords)
        .where(and(eq(birthRecords.classSessionId, p.classSessionId), eq(birthRecords.familyName, seed.actOf.familyName), eq(birthRecords.givenNames, seed.actOf.givenNames)))
        .get();
      if (act) {
        facts.push({ label: 'L’acte demandé', value: `celui de ${linkWords[seed.actOf.link]}` });
        facts.push({ label: 'Son nom de naissance', value: act.familyName });
        facts.push({ label: 'Ses prénoms', value: act.givenNames });
        facts.push({ label: 'Sa date de naissance', value: formatIsoDate(act.birthDate) });
        facts.push({ label: 'Son lieu de naissance', value: act.registry === foreignBirthsRegistry ? 'à l’étranger' : ((await postal(act.registry))?.name ?? act.registry) });
      }
    } else facts.push({ label: 'Votre naissance', value: `le ${formatIsoDate(p.birthdate)} à ${p.birthplaceName}` });
  }
  if (seed?.bonusOf) {
    const [a, b, c] = seed.bonusOf.earnings;
    facts.push({ label: 'Votre foyer', value: `${countOf(seed.bonusOf.persons, 'personne', 'personnes')} : ${seed.bonusOf.household}` });
    facts.push({ label: 'Vos salaires des trois derniers mois', value: `${formatEuroAmount(a)}, puis ${formatEuroAmount(b)}, puis ${formatEuroAmount(c)} (le plus récent)` });
    facts.push({ label: 'Vos autres ressources', value: `${formatEuroAmount(seed.bonusOf.other)} par mois` });
  }
  if (seed?.documentOf) {
    const asked = heldDocument(seed.documentOf.document);
    if (asked) {
      facts.push({ label: 'L’administration', value: holderLabel(asked.agency) });
      facts.push({ label: 'Le document', value: asked.title });
      facts.push({ label: 'Comment le recevoir', value: lowerFirst(accessModeLabels[seed.documentOf.mode]) });
    }
  }
  return facts;
}

/** The offence the radars recorded on the person's vehicle, and the certificate the ANTAI reads to find them. */
async function fineFacts(db: AsyncExecutor, p: PersonaRow): Promise<CardFact[]> {
  const cars = await vehiclesOf(db).all({ persona: p.id });
  return cars.flatMap((car) => {
    const offence = recordedOffences.find((o) => o.registration === car.registration);
    if (!offence) return [];
    const certificate = `${car.addressLine}, ${car.postalCode} ${car.city}`;
    return [
      { label: 'L’infraction', value: `${lowerFirst(offence.offence)}, ${offence.place}` },
      { label: 'Le véhicule', value: `${car.make} ${car.model}, immatriculé ${car.registration}` },
      { label: 'Sur la carte grise', value: `${car.holderKind === 'societe' ? car.holderName : 'à votre nom'}, ${certificate === `${p.addressLine}, ${p.postalCode} ${p.city}` ? 'à votre adresse' : `à l’adresse ${certificate}`}` },
    ];
  });
}

/** Event cards the teacher can send during the séance. */
export const eventCards = {
  'retrait-accord': { title: 'Changement d’avis', body: 'Vous ne voulez plus que la ville consulte vos données. Retirez votre accord dans « Mes données », puis observez ce qui se passe.' },
  guichet: { title: 'Une personne au guichet', body: 'Une personne sans Internet se présente au guichet avec un formulaire papier. Saisissez sa demande pour elle (page « Saisir une demande reçue au guichet »).' },
  panne: { title: 'Panne annoncée', body: 'Un organisme ne répond plus. Que voyez-vous ? Que faut-il dire aux personnes qui attendent ?' },
  controle: { title: 'Contrôle de la CNIL', body: 'Un contrôle a lieu : pour trois échanges du journal, retrouvez qui a demandé quoi, pour quelle finalité et sur quelle base.' },
  demenagement: { title: 'Nouveau déménagement', body: 'Votre persona vient de déménager à nouveau. Déclarez la nouvelle adresse, une seule fois, aux organismes concernés.' },
} as const;
export type EventCardId = keyof typeof eventCards;
