import { describe, expect, it } from 'vitest';
import { personaSeeds } from '../../../db/seed/personas';
import { documentHolders, documentsOf, heldDocument, heldDocuments } from './documents';
import { decideAccess, type AccessMode } from './rules';

const ask = (id: string, mode: AccessMode, requesterId = 'karim-benali') => decideAccess(heldDocument(id), { mode, requesterId, recentRequests: 0 });

describe('the documents the bodies hold', () => {
  it('are each one body’s, with unique ids, and name only people of the world', () => {
    expect(new Set(heldDocuments.map((d) => d.id)).size).toBe(heldDocuments.length);
    for (const d of heldDocuments) expect(d.id.startsWith(`${d.agency}-`), d.id).toBe(true);
    const keys = new Set(personaSeeds.map((p) => p.key));
    for (const d of heldDocuments) for (const part of d.parts) if (part.concerns) expect(keys.has(part.concerns), `${d.id}: ${part.concerns}`).toBe(true);
    expect(documentHolders).toEqual(['ville', 'caf', 'dgfip']);
    expect(documentsOf('caf').map((d) => d.id)).toEqual(['caf-reglement-action-sociale', 'caf-controle-haddad', 'caf-note-reforme']);
  });

  it('hold one of each case a class should meet', () => {
    expect(ask('ville-zones-stationnement', 'courriel')).toMatchObject({ kind: 'communiquer', blackedOut: [] });
    expect(ask('ville-reunion-tanneurs', 'courriel')).toMatchObject({ kind: 'communiquer', blackedOut: ['secret_medical'], costCents: 0 });
    expect(ask('ville-reunion-tanneurs', 'courriel', 'jeanne-morel')).toMatchObject({ kind: 'communiquer', blackedOut: [] });
    expect(ask('ville-permis-tilleuls', 'copie')).toMatchObject({ kind: 'communiquer', blackedOut: ['vie_privee'], costCents: 12 * 18 + 300 });
    expect(ask('ville-permis-tilleuls', 'courriel')).toMatchObject({ kind: 'mode_impossible' });
    expect(ask('ville-rapport-securite-marche', 'consultation')).toMatchObject({ kind: 'refuser', ground: 'protege' });
    expect(ask('ville-projet-budget', 'courriel')).toMatchObject({ kind: 'refuser', ground: 'preparatoire' });
    expect(ask('caf-note-reforme', 'courriel')).toMatchObject({ kind: 'refuser', ground: 'inacheve' });
    expect(ask('ville-registre-1890', 'copie')).toMatchObject({ kind: 'mode_impossible', alternatives: ['consultation'] });
    expect(ask('ville-registre-1890', 'consultation')).toMatchObject({ kind: 'communiquer' });
    expect(ask('dgfip-programme-controle', 'consultation')).toMatchObject({ kind: 'refuser', ground: 'protege' });
    expect(heldDocuments.filter((d) => d.unanswered).map((d) => d.id)).toEqual(['ville-etude-circulation']);
  });

  it('give the person concerned what they refuse to others (L311-6)', () => {
    expect(ask('caf-controle-haddad', 'courriel')).toMatchObject({ kind: 'refuser', ground: 'protege' });
    expect(ask('caf-controle-haddad', 'courriel', 'nadia-haddad')).toMatchObject({ kind: 'communiquer', blackedOut: [] });
    expect(ask('dgfip-valeur-locative-lambert', 'consultation')).toMatchObject({ kind: 'communiquer', blackedOut: ['secret_affaires'] });
    expect(ask('dgfip-valeur-locative-lambert', 'consultation', 'hugo-lambert')).toMatchObject({ kind: 'communiquer', blackedOut: [] });
  });
});
