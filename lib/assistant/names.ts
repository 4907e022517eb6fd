import { inArray } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { aidants, personas } from '../../db/tables';
import type { Conversation } from './conversations';

/** Who asks in each conversation, as the adviser reads it ("Julie Fontaine", "Sami Haddad, aidant France Services"). */
export async function askerNames(db: AsyncExecutor, conversations: Conversation[]): Promise<Map<string, string>> {
  const personaIds = conversations.map((c) => c.personaId).filter((id): id is string => Boolean(id));
  const aidantIds = conversations.map((c) => c.aidantId).filter((id): id is string => Boolean(id));
  const people = new Map<string, string>();
  if (personaIds.length) for (const p of await db.select().from(personas).where(inArray(personas.id, personaIds)).all()) people.set(p.id, `${p.givenNames.split(' ')[0]} ${p.familyName}`);
  if (aidantIds.length) for (const a of await db.select().from(aidants).where(inArray(aidants.id, aidantIds)).all()) people.set(a.id, `${a.givenName} ${a.familyName}, aidant·e France Services`);
  return new Map(conversations.map((c) => [c.id, people.get(c.personaId ?? c.aidantId ?? '') ?? 'Une personne']));
}
