import type { AgencyId, ProcedureId } from '../../db/schema';
import { agencyData } from '../../db/seed/reference-data';
import { accessibilityStatement } from '../accessibility-statement';
import { dataItems, habilitations, legalBasisLabels, purposes } from '../platform/catalogue';
import type { FieldDef, ProcedureDef, StepContext } from '../procedures/engine/types';
import { procedures } from '../procedures/registry';

// What the assistant knows: e-Guichet's own texts, cut into passages it can quote and link to (issue 23). Built from
// the code's constants (procedures, catalogue, accessibility statement), so it is the same in every process.

export type Passage = {
  id: string;
  /** Where the passage comes from, as the answer names it ("Acte de naissance — étape « La personne née »"). */
  source: string;
  title: string;
  text: string;
  /** The page that says it, for a citizen (lib/assistant/answer.ts adapts it to an aidant). */
  href: string;
  procedure: ProcedureId | null;
  /** The body a person would ask about it. */
  agency: AgencyId | null;
};

/** The body that answers questions on each procedure (the one that instructs it, or the city's counter). */
export const procedureAgency: Record<ProcedureId, AgencyId> = {
  'acte-naissance': 'etat-civil',
  'changement-adresse': 'caf',
  'carte-stationnement': 'ville',
  'acces-document': 'ville',
  'saisine-cada': 'cada',
  'prime-activite': 'caf',
  'contestation-amende': 'antai',
  'titre-identite': 'ville',
};

const shortName = (id: AgencyId) => agencyData.find((a) => a.id === id)?.shortName ?? id;

// A step's fields may read the database (the list of communes): those are described by their simplified (FALC) labels.
const noDatabase = new Proxy({}, { get: () => { throw new Error('no database while building the corpus'); } }) as StepContext['db'];

function fieldText(field: FieldDef): string {
  const options = 'options' in field ? field.options.map((o) => [o.label, o.hint].filter(Boolean).join(' : ')) : [];
  return [field.label.replace(/\s*:$/, ''), field.hint, ...options].filter(Boolean).join('. ');
}

async function procedurePassages(def: ProcedureDef): Promise<Passage[]> {
  const base = { href: `/citoyen/demarches/${def.id}`, procedure: def.id, agency: procedureAgency[def.id] };
  const out: Passage[] = [{ ...base, id: `demarche:${def.id}`, source: def.title, title: def.title, text: def.description }];
  for (const step of def.steps) {
    let fields: string[];
    try {
      fields = (await step.fields({ db: noDatabase, persona: {} as StepContext['persona'], answers: {} })).map(fieldText);
    } catch {
      fields = Object.values(step.falc.fields).map((f) => [f.label, f.hint].filter(Boolean).join('. '));
    }
    out.push({
      ...base,
      id: `demarche:${def.id}:etape:${step.id}`,
      source: `${def.title} — étape « ${step.title} »`,
      title: step.title,
      text: [step.intro, ...fields, ...step.falc.lines].filter(Boolean).join(' '),
    });
  }
  def.enVrai.forEach((text, i) => out.push({ ...base, id: `demarche:${def.id}:en-vrai:${i + 1}`, source: `${def.title} — En vrai`, title: `${def.title} : en vrai`, text }));
  return out;
}

function cataloguePassages(): Passage[] {
  const items = dataItems.map((item) => ({
    id: `catalogue:${item.id}`,
    source: 'Catalogue de l’État plateforme',
    title: `${item.libelle} (${shortName(item.fournisseur)})`,
    text: `${item.libelle}, donnée de l’organisme ${shortName(item.fournisseur)} : ${item.detail}`,
    href: '/plateforme',
    procedure: null,
    agency: item.fournisseur,
  }));
  const rules = habilitations.map((h, i) => ({
    id: `habilitation:${i + 1}`,
    source: 'Catalogue de l’État plateforme — habilitations',
    title: `${shortName(h.consommateur)} auprès de ${shortName(h.fournisseur)} : ${purposes[h.finalite]}`,
    text: `${h.justification} Base légale : ${legalBasisLabels[h.base_legale]}. Données : ${h.donnees.map((id) => dataItems.find((d) => d.id === id)?.libelle ?? id).join(', ')}.`,
    href: '/plateforme',
    procedure: null,
    agency: h.consommateur,
  }));
  return [...items, ...rules];
}

function accessibilityPassages(): Passage[] {
  return accessibilityStatement.sections.map((section) => ({
    id: `accessibilite:${section.id}`,
    source: 'Déclaration d’accessibilité',
    title: section.title,
    text: section.items.map((item) => (typeof item === 'string' ? item : item.text)).join(' '),
    href: `/accessibilite#${section.id}`,
    procedure: null,
    agency: null,
  }));
}

/** Every passage, once per process (derived from constants: not state). */
let built: Promise<Passage[]> | null = null;
export function corpus(): Promise<Passage[]> {
  built ??= Promise.all(Object.values(procedures).map(procedurePassages)).then((parts) => [...parts.flat(), ...cataloguePassages(), ...accessibilityPassages()]);
  return built;
}
