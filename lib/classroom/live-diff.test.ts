import { describe, expect, it } from 'vitest';
import { applySnapshotChange, snapshotChange } from './live-diff';

// Whatever changes between two snapshots, the change applied to the first gives the second.
const roundTrip = (before: Record<string, unknown>, after: Record<string, unknown>) => {
  const change = snapshotChange(before, after);
  expect(change === null ? before : applySnapshotChange(before, change)).toEqual(after);
  return change;
};

describe('snapshotChange', () => {
  const people = [
    { id: 'p1', pseudonym: 'Élève 1', doing: 'n’a encore rien fait' },
    { id: 'p2', pseudonym: 'Élève 2', doing: 'lit le journal' },
  ];
  const snapshot = { joined: 2, expected: 30, participants: people, cases: [{ procedure: 'acte-naissance', counts: { depose: 1 } }], exchanges: [{ sequence: 2 }, { sequence: 1 }] };

  it('says nothing when nothing changed', () => {
    expect(roundTrip(snapshot, structuredClone(snapshot))).toBeNull();
  });

  it('sends a changed field whole, and a keyed list as its order plus its new or changed items', () => {
    const after = {
      ...snapshot,
      joined: 3,
      participants: [{ ...people[0]!, doing: 'Acte de naissance : déposée' }, people[1]!, { id: 'p3', pseudonym: 'Élève 3', doing: 'n’a encore rien fait' }],
      cases: [{ procedure: 'acte-naissance', counts: { depose: 2 } }],
    };
    expect(roundTrip(snapshot, after)).toEqual({
      joined: 3,
      // The two already there are one run of the list as it was; the changed one is sent again, the new one too.
      participants: { liste: { ordre: [{ de: 0, a: 2 }, 'p3'], elements: { p1: after.participants[0], p3: after.participants[2] } } },
      // No ids: sent whole.
      cases: after.cases,
    });
  });

  it('keys a list by `sequence` when its items have no id, and follows items that leave or move', () => {
    expect(roundTrip(snapshot, { ...snapshot, exchanges: [{ sequence: 3 }, { sequence: 2 }] })).toEqual({ exchanges: { liste: { ordre: [3, { de: 0, a: 1 }], elements: { 3: { sequence: 3 } } } } });
    expect(roundTrip(snapshot, { ...snapshot, participants: [people[1]!, people[0]!] })).toEqual({ participants: { liste: { ordre: [{ de: 1, a: 2 }, { de: 0, a: 1 }], elements: {} } } });
  });

  it('round-trips a long list shuffled, trimmed, with items changed and added', () => {
    const before = { l: Array.from({ length: 60 }, (_, i) => ({ id: `e${i}`, v: i })) };
    const kept = before.l.filter((_, i) => i % 7 !== 3).map((e) => (e.v % 5 === 0 ? { ...e, v: 100 + e.v } : e));
    const after = { l: [{ id: 'n1', v: 1 }, ...kept.slice(30), { id: 'n2', v: 2 }, ...kept.slice(0, 30).reverse()] };
    const change = roundTrip(before, after) as { l: { liste: { ordre: unknown[] } } };
    expect(change.l.liste.ordre.length).toBeLessThan(after.l.length);
  });

  it('sends whole a list that becomes empty or was empty, and a field that is gone as null', () => {
    expect(roundTrip(snapshot, { ...snapshot, participants: [] })).toEqual({ participants: [] });
    expect(roundTrip({ ...snapshot, participants: [] }, snapshot)).toEqual({ participants: people });
    const { cases: _gone, ...without } = snapshot;
    expect(snapshotChange(snapshot, without)).toEqual({ cases: null });
  });

  it('sends whole a list whose items repeat a key (it cannot be followed by keys)', () => {
    const twice = [{ id: 'x', v: 1 }, { id: 'x', v: 2 }];
    expect(roundTrip({ l: [{ id: 'x', v: 0 }] }, { l: twice })).toEqual({ l: twice });
  });
});
