import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { agencyIds } from '../../db/schema';
import { personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { dataItems } from '../platform/catalogue';
import { agencyModules } from '.';

// The tables each body owns: a body's module may import these and no other (it asks the platform for the rest).
const ownTables: Record<string, string[]> = {
  dgfip: ['dgfipTaxpayers'],
  siv: ['sivVehicles'],
  caf: ['cafBeneficiaries'],
  cpam: ['cpamInsured'],
  'france-travail': ['franceTravailJobseekers'],
  retraite: ['retraitePensioners'],
  'la-poste': ['laPosteCustomers'],
  'etat-civil': ['birthRecords'],
  ville: ['villeParkingCards'],
  cada: [],
  antai: ['antaiNotices'],
};

describe('the bodies', () => {
  it('each serves exactly the catalogue’s items it provides', () => {
    for (const id of agencyIds) {
      expect(Object.keys(agencyModules[id].items).sort(), id).toEqual(dataItems.filter((d) => d.fournisseur === id).map((d) => d.id).sort());
    }
  });

  it('each reads only its own tables', () => {
    for (const id of agencyIds) {
      const source = fs.readFileSync(path.join(__dirname, id, 'index.ts'), 'utf8');
      const imported = [...source.matchAll(/import \{([^}]*)\} from '[./]*db\/(?:schema|tables)'/g)].flatMap((m) => m[1]!.split(',').map((name) => name.trim()).filter(Boolean));
      expect(imported, id).toEqual(ownTables[id]);
      expect(source, id).not.toMatch(/from '[./]*db\/schema\/|\$client|sql`/);
    }
  });

  it('tell a person what they hold (right of access), and only about that person', async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, classSessionId))).get())!;
    const karim = { classSessionId, personaId: (await person('karim-benali')).id };
    const holders: string[] = [];
    for (const id of agencyIds) if ((await agencyModules[id].holdings(db, karim)).length > 0) holders.push(id);
    expect(holders).toEqual(['dgfip', 'siv', 'cpam', 'la-poste', 'etat-civil']);
    const text = JSON.stringify(await Promise.all(agencyIds.map((id) => agencyModules[id].holdings(db, karim))));
    expect(text).toContain('GH-482-KT');
    expect(text).not.toContain('Lefebvre');
    // Julie is unknown to the DGFiP: nothing there, and the item says so with null.
    const julie = { classSessionId, personaId: (await person('julie-fontaine')).id };
    expect(await agencyModules.dgfip.holdings(db, julie)).toEqual([]);
    expect(await agencyModules.dgfip.items['dgfip.adresse_fiscale']!(db, julie)).toBeNull();
  });
});
