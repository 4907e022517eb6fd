import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { demoSession } from '../classroom/sessions';
import type { AgencyId } from '../../db/schema';
import { appendJournalEntry, type JournalInput } from './journal';
import { countExchanges, exchangesOf, exchangesWithTraces, type JournalReader } from './journal-view';

const exchange = (classSessionId: string, consumer: AgencyId, provider: AgencyId): JournalInput => ({
  classSessionId,
  consumer,
  provider,
  items: ['dgfip.revenu_fiscal_reference'],
  purpose: 'essai',
  legalBasis: null,
  result: 'accorde',
  reason: null,
  subject: null,
  caseId: null,
});

describe('a body’s latest exchanges', () => {
  it('are those it asked and those it answered, newest first, however many exchanges other bodies made', async () => {
    const db = await freshDb();
    const seance = (await demoSession(db))!.id;
    const pairs: [AgencyId, AgencyId][] = [
      ['ville', 'dgfip'],
      ['caf', 'dgfip'],
      ['ville', 'siv'],
      ['caf', 'ville'],
      ...Array.from({ length: 30 }, () => ['caf', 'dgfip'] as [AgencyId, AgencyId]),
      ['ville', 'ville'],
      ['caf', 'dgfip'],
    ];
    for (const [consumer, provider] of pairs) await appendJournalEntry(db, exchange(seance, consumer, provider));
    const seen = async (agency: AgencyId, limit: number) => (await exchangesWithTraces(db, { kind: 'organisme', classSessionId: seance, agency }, { limit })).map((r) => `${r.entry.sequence}:${r.entry.consumer}>${r.entry.provider}`);
    expect(await seen('ville', 50)).toEqual(['35:ville>ville', '4:caf>ville', '3:ville>siv', '1:ville>dgfip']);
    expect(await seen('ville', 2)).toEqual(['35:ville>ville', '4:caf>ville']);
    expect(await seen('siv', 50)).toEqual(['3:ville>siv']);
    expect(await seen('cpam', 50)).toEqual([]);
    expect(await seen('dgfip', 3)).toEqual(['36:caf>dgfip', '34:caf>dgfip', '33:caf>dgfip']);
  });

  it('are the same entries without their traces for a list that links to each exchange’s page', async () => {
    const db = await freshDb();
    const seance = (await demoSession(db))!.id;
    const about = (subject: string | null, caseId: string | null): JournalInput => ({ ...exchange(seance, 'ville', 'dgfip'), subject, caseId });
    for (const input of [about('p1', 'c1'), about('p2', 'c2'), about('p1', null), { ...exchange(seance, 'caf', 'siv'), subject: 'p1' }]) await appendJournalEntry(db, input);
    const readers: JournalReader[] = [
      { kind: 'usager', classSessionId: seance, personaId: 'p1' },
      { kind: 'organisme', classSessionId: seance, agency: 'ville' },
      { kind: 'organisme', classSessionId: seance, agency: 'siv' },
      { kind: 'enseignant', classSessionId: seance },
    ];
    for (const reader of readers) {
      for (const [limit, caseRef] of [[50, undefined], [1, undefined], [50, 'c1']] as const) {
        const withTraces = await exchangesWithTraces(db, reader, { limit, caseRef });
        const light = await exchangesOf(db, reader, { limit, caseRef });
        expect(light.map((r) => r.entry)).toEqual(withTraces.map((r) => r.entry));
        expect(light.every((r) => r.trace === null)).toBe(true);
      }
    }
    expect((await exchangesOf(db, readers[0]!)).map((r) => r.entry.sequence)).toEqual([4, 3, 1]);
    expect((await exchangesOf(db, readers[1]!, { caseRef: 'c1' })).map((r) => r.entry.sequence)).toEqual([1]);
  });

  it('are read a page at a time: those before an entry, as many as asked, and how many there are in all', async () => {
    const db = await freshDb();
    const seance = (await demoSession(db))!.id;
    for (let i = 0; i < 7; i++) await appendJournalEntry(db, { ...exchange(seance, i % 2 ? 'caf' : 'ville', 'dgfip'), subject: i === 3 ? 'p2' : 'p1' });
    const person: JournalReader = { kind: 'usager', classSessionId: seance, personaId: 'p1' };
    const city: JournalReader = { kind: 'organisme', classSessionId: seance, agency: 'ville' };
    const sequences = async (reader: JournalReader, limit: number, before?: number) => (await exchangesWithTraces(db, reader, { limit, before })).map((r) => r.entry.sequence);
    expect(await sequences(person, 3)).toEqual([7, 6, 5]);
    expect(await sequences(person, 3, 6)).toEqual([5, 3, 2]); // 4 is p2's
    expect(await sequences(person, 3, 1)).toEqual([]);
    expect(await sequences(city, 2)).toEqual([7, 5]);
    expect(await sequences(city, 2, 5)).toEqual([3, 1]);
    expect(await countExchanges(db, person)).toBe(6);
    expect(await countExchanges(db, city)).toBe(4);
    expect(await countExchanges(db, { kind: 'enseignant', classSessionId: seance })).toBe(7);
    // Counted up to one past a bound: 6 within 10, and "more than 4" as 5.
    expect(await countExchanges(db, person, 10)).toBe(6);
    expect(await countExchanges(db, person, 4)).toBe(5);
    expect(await countExchanges(db, city, 4)).toBe(4);
  });
});
