import { and, count, eq, ne } from 'drizzle-orm';
import type { AsyncExecutor } from '../db/engine';
import { agencyIds, caseStates, exchangeResults, procedureIds } from '../db/schema';
import { cases, consents, consentWithdrawals, journalEntries, opinions } from '../db/tables';
import { assistantFigures } from './assistant/figures';
import { computeDebrief, routeLabels } from './classroom/debrief';
import type { ClassSession } from './classroom/sessions';

// The séance's open data (issue 23): its figures as one CSV, described by a Table Schema (frictionless specs), the
// way local authorities publish theirs. Counts only — no row about a person — and no count under 3: a smaller group
// could be one person of the class (small-cell suppression, "secret statistique"); a median of fewer than 3 neither.

/** Counts under this are not published. */
export const smallestCount = 3;

const themes = ['demandes', 'durees', 'echanges', 'consentements', 'avis', 'assistant'] as const;
const measures = ['nombre', 'duree_mediane_minutes'] as const;
const kinds = [...caseStates, ...Object.keys(routeLabels), ...exchangeResults, 'donnes', 'retires', 'bien', 'moyen', 'pas_bien', 'sans_reponse', 'questions', 'repondues', 'sans_reponse_trouvee', 'transmises'] as const;

export const openDataColumns = ['theme', 'demarche', 'organisme', 'modalite', 'mesure', 'valeur', 'diffusion'] as const;
type Row = { theme: (typeof themes)[number]; demarche: string | null; organisme: string | null; modalite: string; mesure: (typeof measures)[number]; valeur: number | null; diffusion: 'publiee' | 'secret_statistique' };

/** The Table Schema (https://specs.frictionlessdata.io/table-schema/) that describes the CSV, column by column. */
export const openDataSchema = {
  fields: [
    { name: 'theme', title: 'Thème', type: 'string', description: 'De quoi parle la ligne : demandes, durées, échanges de données, consentements, avis ou assistant.', constraints: { required: true, enum: [...themes] } },
    { name: 'demarche', title: 'Démarche', type: 'string', description: 'L’identifiant de la démarche (vide si la ligne n’en concerne pas une).', constraints: { enum: [...procedureIds] } },
    { name: 'organisme', title: 'Organisme', type: 'string', description: 'L’organisme fournisseur des données (échanges, consentements ; vide sinon).', constraints: { enum: [...agencyIds] } },
    { name: 'modalite', title: 'Modalité', type: 'string', description: 'L’état de la demande, le parcours, le résultat de l’échange, la réponse à « Je donne mon avis »…', constraints: { required: true, enum: [...new Set(kinds)] } },
    { name: 'mesure', title: 'Mesure', type: 'string', description: 'nombre : un effectif ; duree_mediane_minutes : la durée médiane, en minutes de la séance.', constraints: { required: true, enum: [...measures] } },
    { name: 'valeur', title: 'Valeur', type: 'number', description: `La valeur ; vide quand elle est couverte par le secret statistique (moins de ${smallestCount} personnes ou demandes).`, constraints: { minimum: 0 } },
    { name: 'diffusion', title: 'Diffusion', type: 'string', description: 'publiee, ou secret_statistique quand la valeur est retirée.', constraints: { required: true, enum: ['publiee', 'secret_statistique'] } },
  ],
  missingValues: [''],
} as const;

const counted = (row: Omit<Row, 'mesure' | 'diffusion' | 'valeur'>, n: number): Row[] =>
  n === 0 ? [] : [{ ...row, mesure: 'nombre', valeur: n >= smallestCount ? n : null, diffusion: n >= smallestCount ? 'publiee' : 'secret_statistique' }];

/** Every row of the séance's open data, already protected. */
export async function openDataRows(db: AsyncExecutor, session: ClassSession): Promise<Row[]> {
  const rows: Row[] = [];
  const filed = await db.select({ procedure: cases.procedure, state: cases.state, n: count() }).from(cases).where(and(eq(cases.classSessionId, session.id), ne(cases.state, 'brouillon'))).groupBy(cases.procedure, cases.state).all();
  for (const f of filed) rows.push(...counted({ theme: 'demandes', demarche: f.procedure, organisme: null, modalite: f.state }, Number(f.n)));
  for (const t of (await computeDebrief(db, session)).times) {
    const shown = t.decided >= smallestCount && t.medianMinutes !== null;
    rows.push({ theme: 'durees', demarche: t.procedure, organisme: null, modalite: t.route, mesure: 'duree_mediane_minutes', valeur: shown ? t.medianMinutes : null, diffusion: shown ? 'publiee' : 'secret_statistique' });
  }
  const exchanged = await db.select({ provider: journalEntries.provider, result: journalEntries.result, n: count() }).from(journalEntries).where(eq(journalEntries.classSessionId, session.id)).groupBy(journalEntries.provider, journalEntries.result).all();
  for (const e of exchanged) rows.push(...counted({ theme: 'echanges', demarche: null, organisme: e.provider, modalite: e.result }, Number(e.n)));
  const given = await db.select({ provider: consents.provider, n: count() }).from(consents).where(eq(consents.classSessionId, session.id)).groupBy(consents.provider).all();
  for (const g of given) rows.push(...counted({ theme: 'consentements', demarche: null, organisme: g.provider, modalite: 'donnes' }, Number(g.n)));
  const withdrawn = await db.select({ provider: consents.provider, n: count() }).from(consentWithdrawals).innerJoin(consents, eq(consents.id, consentWithdrawals.consentId)).where(eq(consentWithdrawals.classSessionId, session.id)).groupBy(consents.provider).all();
  for (const w of withdrawn) rows.push(...counted({ theme: 'consentements', demarche: null, organisme: w.provider, modalite: 'retires' }, Number(w.n)));
  const said = await db.select({ procedure: opinions.procedure, satisfaction: opinions.satisfaction, n: count() }).from(opinions).where(eq(opinions.classSessionId, session.id)).groupBy(opinions.procedure, opinions.satisfaction).all();
  for (const o of said) rows.push(...counted({ theme: 'avis', demarche: o.procedure, organisme: null, modalite: o.satisfaction ?? 'sans_reponse' }, Number(o.n)));
  const a = await assistantFigures(db, session.id);
  rows.push(...counted({ theme: 'assistant', demarche: null, organisme: null, modalite: 'questions' }, a.questions));
  rows.push(...counted({ theme: 'assistant', demarche: null, organisme: null, modalite: 'repondues' }, a.answeredByAssistant));
  rows.push(...counted({ theme: 'assistant', demarche: null, organisme: null, modalite: 'sans_reponse_trouvee' }, a.unknown));
  rows.push(...counted({ theme: 'assistant', demarche: null, organisme: null, modalite: 'transmises' }, a.handedOff));
  return rows;
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The rows as CSV (RFC 4180: commas, CRLF, UTF-8), with the columns' names on the first line. */
export function openDataCsv(rows: Row[]): string {
  return [openDataColumns.join(','), ...rows.map((r) => openDataColumns.map((c) => cell(r[c])).join(','))].map((line) => `${line}\r\n`).join('');
}
