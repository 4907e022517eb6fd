import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { Table } from 'tableschema';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../db/engine';
import { personas, teachers } from '../db/tables';
import { freshDb } from '../test/db';
import { ask } from './assistant/conversations';
import { createSession } from './classroom/sessions';
import { openDataColumns, openDataCsv, openDataRows, openDataSchema, smallestCount } from './open-data';
import { giveOpinion } from './opinions';
import { fileParkingCardWithConsent } from './procedures/parking-card/start';

describe('the séance’s open data', () => {
  it('validates against its own Table Schema, has no row about a person and no count under 3', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Données', preset: 'stationnement' });
    const people = [];
    for (const key of ['karim-benali', 'julie-fontaine', 'antoine-mercier', 'sophie-lefebvre']) {
      const p = (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session.id))).get())!;
      people.push(p);
      const c = await fileParkingCardWithConsent(db, p, { kind: 'usager', id: p.id, label: p.givenNames }, new Date());
      await giveOpinion(db, p.id, c.id, { satisfaction: key === 'sophie-lefebvre' ? 'pas_bien' : 'bien' });
    }
    await ask(db, { kind: 'usager', classSessionId: session.id, personaId: people[0]!.id }, 'Où acheter le timbre fiscal ?');

    const rows = await openDataRows(db, session);
    const csv = openDataCsv(rows);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'donnees-ouvertes-')), 'indicateurs.csv');
    fs.writeFileSync(file, csv);
    // The schema validator of the Frictionless specs reads the file as a consumer would, and casts every cell.
    const table = await Table.load(file, { schema: openDataSchema });
    // eslint-disable-next-line @typescript-eslint/await-thenable -- tableschema's types say read() answers at once; it is async
    const read = (await table.read({ forceCast: true, keyed: true })) as (Record<string, unknown> | Error)[];
    expect(table.headers).toEqual([...openDataColumns]);
    expect(read.filter((r) => r instanceof Error).map((e) => (e as Error).message)).toEqual([]);
    expect(read).toHaveLength(rows.length);

    // Small cells: every published count is at least 3; smaller ones are there, without their value.
    const records = read as Record<string, unknown>[];
    expect(records.filter((r) => r.mesure === 'nombre' && r.valeur !== null && Number(r.valeur) < smallestCount)).toEqual([]);
    expect(records.find((r) => r.theme === 'avis' && r.modalite === 'bien')).toMatchObject({ valeur: 3, diffusion: 'publiee' });
    expect(records.find((r) => r.theme === 'avis' && r.modalite === 'pas_bien')).toMatchObject({ valeur: null, diffusion: 'secret_statistique' });
    expect(records.find((r) => r.theme === 'demandes' && r.demarche === 'carte-stationnement')).toBeDefined();
    // The validator does catch a wrong line (a negative count, an unknown word): the check above is not vacuous.
    fs.writeFileSync(file, csv.replace('\r\n', '\r\navis,,,bien,nombre,-1,oops\r\n'));
    // eslint-disable-next-line @typescript-eslint/await-thenable -- tableschema's types say read() answers at once; it is async
    const tampered = (await (await Table.load(file, { schema: openDataSchema })).read({ forceCast: true })) as unknown[];
    expect(tampered.filter((r) => r instanceof Error)).toHaveLength(1);
    // Nothing names a person: no persona's id or name anywhere in the file.
    for (const p of people) for (const trace of [p.id, p.familyName, p.givenNames]) expect(csv).not.toContain(trace);
  });
});
