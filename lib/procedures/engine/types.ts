import type { AsyncExecutor } from '../../../db/engine';
import type { AgencyId, ProcedureId, ProofKind, cases, personas } from '../../../db/schema';
import type { NewDocument } from '../../documents/documents';
import type { LegalDuration } from './time-scale';

// What a procedure is made of (docs/ARCHITECTURE.md, rule 6): steps with their fields and validation,
// where the case goes, its summary, and its rules for automatic instruction.

export type Persona = typeof personas.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type RawValues = Record<string, string | string[]>;

export type Option = { value: string; label: string; hint?: string };
export type FieldDef =
  | { kind: 'text'; name: string; label: string; hint?: string; autoComplete?: string; inputMode?: 'numeric' | 'text'; width?: 'court' | 'long' }
  | { kind: 'radio'; name: string; label: string; hint?: string; options: Option[] }
  | { kind: 'checkboxes'; name: string; label: string; hint?: string; options: Option[] }
  /** A proof joined to the request (PDF, JPEG or PNG, 2 Mo at most), stored with the case under its kind; the answer is its name and size. */
  | { kind: 'file'; name: string; label: string; hint?: string; proof: ProofKind };

export type StepContext = { db: AsyncExecutor; persona: Persona; answers: Record<string, RawValues> };
export type StepResult = { ok: true } | { ok: false; errors: Record<string, string> };

export type StepDef = {
  id: string;
  title: string;
  /** The title when someone else answers for the person (an aidant under mandate, an agent keying a paper form). */
  titleForOther: string;
  /** Plain-language help shown above the fields. */
  intro?: string;
  fields: (ctx: StepContext) => FieldDef[] | Promise<FieldDef[]>;
  validate: (values: RawValues, ctx: StepContext) => StepResult | Promise<StepResult>;
  /** A step that does not apply to these answers is skipped (e.g. "about the other person" when the act is mine). */
  applies?: (ctx: StepContext) => boolean;
  /** The same step in FALC (facile à lire et à comprendre) for the simplified mode: short sentences, common words, one idea per line. */
  falc: Falc;
};

export const pictograms = ['maison', 'calendrier', 'organismes', 'personne', 'document'] as const;
export type Pictogram = (typeof pictograms)[number];
export type Falc = { title: string; picto: Pictogram; lines: string[]; fields: Record<string, { label: string; hint?: string }> };

/** A line of the recap; `step`, where its answer is changed (none for what is worked out from the answers). */
export type SummaryLine = { label: string; value: string; step?: string };

/** What the automatic rules decided; documents are prepared (sealed, rendered) before the transaction. */
export type Decision =
  | { decision: 'accepter'; documents: NewDocument[]; apply?: (tx: AsyncExecutor) => void | Promise<void>; note?: string }
  | { decision: 'refuser'; motif: string; solution?: string }
  | { decision: 'attendre' }
  /** The case goes on to another body, which decides in its turn: the CADA's opinion goes to the body that refused. */
  | { decision: 'transmettre'; to: AgencyId; documents: NewDocument[]; answers: Record<string, RawValues>; note: string };

/** Why a procedure cannot begin: said to the person, and to whoever acts for them (an aidant, an agent keying in). */
export type StartBlocked = { reason: string; forOther: string; link?: { href: string; label: string } };

export type ProcedureDef = {
  id: ProcedureId;
  title: string;
  /** One or two words, for a table's column ("Adresse"). */
  shortTitle: string;
  description: string;
  enVrai: string[];
  steps: StepDef[];
  summary: (ctx: StepContext) => SummaryLine[] | Promise<SummaryLine[]>;
  /** Which body (and register) instructs the case, from the answers. */
  route: (ctx: StepContext) => { agency: AgencyId | null; unit: string | null };
  /**
   * The procedure's rules, applied by the body's automatic instruction (or proposed to its agent). `by` says who
   * decides: where the law leaves the decision to a person's judgement (an officer weighing a contestation), the
   * rules are only the automatic service's default, and an agent who accepts is followed. `now`: the séance's instant.
   */
  instruct: (db: AsyncExecutor, c: CaseRow, persona: Persona, by: 'regles' | 'agent', now: Date) => Promise<Decision>;
  /**
   * What the body's silence means, on the séance's clock (engine/time-scale.ts): a request still unanswered this long
   * after it was filed is refused implicitly, whoever plays the body (the law of 1978: a month).
   */
  silence?: {
    after: LegalDuration;
    motif: string;
    solution: string;
    /** What the case page says while waiting, and once refused, when "your request will be refused" would mislead. */
    says?: { pending: (at: string) => string; refused: string };
  };
  /**
   * What the body already knows, written into a new draft once ("Dites-le-nous une fois": the prime d'activité asks the
   * platform): the steps' answers the form then shows, and whatever the procedure keeps to see the person's corrections.
   */
  prefill?: (db: AsyncExecutor, persona: Persona, c: CaseRow) => Promise<Record<string, RawValues>>;
  /** The paper form's questions, when the online steps depend on earlier answers or on who asks (lib/documents/paper-form.ts). */
  paper?: { title: string; fields: FieldDef[] }[] | ((now: Date) => { title: string; fields: FieldDef[] }[]);
  /** Where the paper form goes, ending "puis …" ("à remettre au guichet de la CAF…"), when not the city's counter. */
  paperTo?: string;
  /** What the person reads when the case is accepted, when "Votre demande est acceptée" would mislead (the CADA's opinion). */
  accepted?: { title: string; text: string };
  /**
   * Why the person cannot begin this procedure now, in words for them (nothing to contest, no refusal to take to the
   * CADA), and where to look instead; null when they can. Read before a draft is made, on the start page and by the
   * action that starts one.
   */
  cannotStart?: (db: AsyncExecutor, persona: Persona) => Promise<StartBlocked | null>;
  /** What the person may do next from a decided case (a refused request for a document: ask the CADA). */
  followUp?: (c: CaseRow) => { procedure: ProcedureId; label: string; hint: string } | null;
  /**
   * What else changes when a case of this procedure moves, in the same transaction (engine/transition.ts): filed, a
   * change of address opens its notices; filed, decided or withdrawn, a contestation moves its fine's notice.
   * Throwing a CaseError undoes the move.
   */
  moved?: (tx: AsyncExecutor, c: CaseRow, from: CaseRow['state'], now: Date) => Promise<void>;
  /**
   * The rules decide even when a student plays the body: the student acts at the counter (checks, hands over) and the
   * decision is not theirs (an identity document is produced elsewhere once the counter has checked the request).
   */
  rulesDecide?: boolean;
  /**
   * Whether the rules would only wait at `now` (read only; what `instruct` answers 'attendre' to). Every page view of the
   * class runs the due instruction, and the instruction takes a lease (writes) before it asks `instruct`: a case that
   * waits is left alone.
   */
  waiting?: (db: AsyncExecutor, c: CaseRow, now: Date) => Promise<boolean>;
  /** The agent's "Accepter" when it means something else for this case (a CADA rapporteur gives an opinion). */
  agentAccept?: (c: CaseRow) => { label: string; hint: string } | null;
};
