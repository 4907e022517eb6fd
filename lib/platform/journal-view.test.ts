import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { demoSession } from '../classroom/sessions';
import type { AgencyId } from '../../db/schema';
import { appendJournalEntry, type JournalInput } from './journal';
import { exchangesWithTraces } from './journal-view';

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
    const seen = async (agency: AgencyId, limit: number) => (await exchangesWithTraces(db, { kind: 'organisme', classSessionId: seance, agency }, limit)).map((r) => `${r.entry.sequence}:${r.entry.consumer}>${r.entry.provider}`);
    expect(await seen('ville', 50)).toEqual(['35:ville>ville', '4:caf>ville', '3:ville>siv', '1:ville>dgfip']);
    expect(await seen('ville', 2)).toEqual(['35:ville>ville', '4:caf>ville']);
    expect(await seen('siv', 50)).toEqual(['3:ville>siv']);
    expect(await seen('cpam', 50)).toEqual([]);
    expect(await seen('dgfip', 3)).toEqual(['36:caf>dgfip', '34:caf>dgfip', '33:caf>dgfip']);
  });
});
