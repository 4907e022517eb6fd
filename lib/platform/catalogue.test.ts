import { describe, expect, it } from 'vitest';
import { dataItems, dataItemSchema, findHabilitation, habilitations, habilitationSchema } from './catalogue';

describe('the catalogue', () => {
  it('has unique, valid data items named after their provider', () => {
    expect(new Set(dataItems.map((d) => d.id)).size).toBe(dataItems.length);
    for (const item of dataItems) {
      expect(dataItemSchema.parse(item)).toEqual(item);
      expect(item.id.startsWith(`${item.fournisseur}.`)).toBe(true);
    }
  });

  it('has habilitations that only name items of their provider, between two different bodies', () => {
    for (const h of habilitations) {
      expect(habilitationSchema.parse(h)).toEqual(h);
      expect(h.consommateur).not.toBe(h.fournisseur);
      for (const id of h.donnees) expect(dataItems.find((d) => d.id === id)?.fournisseur).toBe(h.fournisseur);
    }
  });

  it('finds a habilitation only for the exact consumer, provider, purpose and allowed items', () => {
    expect(findHabilitation('ville', 'siv', ['siv.vehicules'], 'carte_stationnement_residentiel')?.base_legale).toBe('consentement');
    expect(findHabilitation('ville', 'siv', ['siv.vehicules'], 'calcul_prestations')).toBeNull();
    expect(findHabilitation('caf', 'siv', ['siv.vehicules'], 'carte_stationnement_residentiel')).toBeNull();
    expect(findHabilitation('ville', 'dgfip', ['dgfip.adresse_fiscale', 'dgfip.revenu_fiscal_reference'], 'carte_stationnement_residentiel')).toBeNull();
    expect(findHabilitation('ville', 'dgfip', [], 'carte_stationnement_residentiel')).toBeNull();
  });
});
