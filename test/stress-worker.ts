// One process of the concurrency test (test/concurrency.test.ts): submits its share of the drafts and
// makes its share of exchange calls, all at once, on the same database file as the other processes.
import { inArray } from 'drizzle-orm';
import { openDatabase, setDb } from '../db/client';
import { engineFor } from '../db/engine';
import { cases, personas } from '../db/tables';
import { CaseError, type Actor } from '../lib/procedures/engine/cases';
import { submitCase } from '../lib/procedures/engine/run';
import { requestExchange, type Caller } from '../lib/platform/gateway';
import type { Persona } from '../lib/procedures/engine/types';

const citizenActorFor = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: `${p.givenNames} ${p.familyName}` });

type Plan = { dbPath: string; caseIds: string[]; caller: Caller; exchange: object; exchanges: number };

async function main() {
  const plan = JSON.parse(process.argv[2] ?? '{}') as Plan;
  const connection = openDatabase(plan.dbPath);
  setDb(connection);
  const db = engineFor(connection).db;
  const drafts = await db.select().from(cases).where(inArray(cases.id, plan.caseIds)).all();
  const people = new Map((await db.select().from(personas).where(inArray(personas.id, drafts.map((c) => c.personaId))).all()).map((p) => [p.id, p]));
  const result = { submitted: 0, conflicts: 0, exchanges: {} as Record<number, number>, errors: [] as string[] };

  const submissions = drafts.map(async (c) => {
    const persona = people.get(c.personaId)!;
    try {
      await submitCase(db, c, persona, citizenActorFor(persona));
      result.submitted++;
    } catch (error) {
      if (error instanceof CaseError && error.code === 'etat_incompatible') result.conflicts++;
      else result.errors.push(String((error as Error).stack ?? error));
    }
  });
  const calls = Array.from({ length: plan.exchanges }, async () => {
    try {
      const outcome = await requestExchange(db, plan.caller, plan.exchange);
      result.exchanges[outcome.status] = (result.exchanges[outcome.status] ?? 0) + 1;
    } catch (error) {
      result.errors.push(String((error as Error).stack ?? error));
    }
  });
  await Promise.all([...submissions, ...calls]);
  process.stdout.write(JSON.stringify(result));
  connection.$client.close();
}

void main();
