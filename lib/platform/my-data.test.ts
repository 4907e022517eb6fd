import { getEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { grantConsent } from './consents';
import { requestExchange } from './gateway';
import { exportMyData } from './my-data';
import { currentToken } from './tokens';

describe('the right of access export', () => {
  it('holds every body’s records, the consents and the journal about the person, and nothing about anyone else', async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const id = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, classSessionId))).get())!.id;
    const karim = await id('karim-benali');
    await grantConsent(db, { classSessionId, personaId: karim, consumer: 'ville', provider: 'siv', items: ['siv.vehicules'], purpose: 'carte_stationnement_residentiel', days: 30, shownText: 'texte montré', textVersion: 'v1' });
    const caller = { classSessionId, agency: 'ville' as const, token: (await currentToken(getEngine(), classSessionId, 'ville')).token };
    await requestExchange(db, caller, { fournisseur: 'siv', donnees: ['siv.vehicules'], usager: karim, finalite: 'carte_stationnement_residentiel' });
    await requestExchange(db, caller, { fournisseur: 'siv', donnees: ['siv.vehicules'], usager: await id('sophie-lefebvre'), finalite: 'carte_stationnement_residentiel' });

    const data = await exportMyData(db, classSessionId, karim);
    expect(data.usager).toBe(karim);
    expect(data.organismes.find((o) => o.organisme === 'siv')?.fiches[0]?.donnees).toMatchObject({ Immatriculation: 'GH-482-KT' });
    expect(data.organismes.find((o) => o.organisme === 'caf')?.fiches).toEqual([]);
    expect(data.consentements).toEqual([expect.objectContaining({ statut: 'actif', texte_affiche: 'texte montré' })]);
    expect(data.journal).toHaveLength(1);
    expect(data.journal[0]).toMatchObject({ usager: karim, resultat: 'accorde' });
    expect(JSON.stringify(data)).not.toMatch(/Lefebvre|FN-215-PL/);
  });
});
