import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../test/db';
import { agents, classSessions, personas } from '../db/tables';
import { demoSession } from './classroom/sessions';
import { markNotificationsRead, notificationsFor } from './notifications';
import { agentDecide, agentMessage } from './procedures/agent';
import { addMessage } from './procedures/engine/cases';
import { fileParkingCardWithProofs } from './procedures/parking-card/proofs';

describe('notifications', () => {
  it('tell the citizen what the body did and the agent what the citizen did, each only theirs, until read', async () => {
    const db = await freshDb();
    const session = (await demoSession(db))!.id;
    await db.update(classSessions).set({ bodiesPlayed: ['ville'] }).where(eq(classSessions.id, session)).run();
    const julie = (await db.select().from(personas).where(and(eq(personas.key, 'julie-fontaine'), eq(personas.classSessionId, session))).get())!;
    const ville = (await db.select().from(agents).where(and(eq(agents.agencyId, 'ville'), eq(agents.classSessionId, session))).get())!;
    const caf = (await db.select().from(agents).where(and(eq(agents.agencyId, 'caf'), eq(agents.classSessionId, session))).get())!;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const c = await fileParkingCardWithProofs(db, julie, { kind: 'usager', id: julie.id, label: 'Julie Fontaine' }, 'HB-903-XR', (['avis_imposition', 'certificat_immatriculation', 'justificatif_domicile'] as const).map((kind) => ({ kind, name: 'p.png', bytes: png })));
    const citizen = { kind: 'usager' as const, persona: julie };
    const agent = { kind: 'agent' as const, agent: ville };

    expect((await notificationsFor(db, citizen)).unread).toBe(0); // her own submission is not news to her
    expect(await notificationsFor(db, agent)).toMatchObject({ unread: 1, items: [{ text: expect.stringMatching(/^Nouvelle demande\s: Carte de stationnement résidentiel EG-/), href: `/agent/dossiers/${c.id}` }] });
    expect((await notificationsFor(db, { kind: 'agent', agent: caf })).unread).toBe(0);

    await agentDecide(db, ville, c.id, 'prendre', null);
    await agentMessage(db, ville, c.id, 'Nous regardons vos justificatifs.');
    expect(await notificationsFor(db, citizen)).toMatchObject({ unread: 2, items: [{ text: expect.stringMatching(/^Message de .*Ville/), href: `/citoyen/dossiers/${c.id}` }, { text: expect.stringContaining('en cours d’instruction') }] });
    await markNotificationsRead(db, citizen, new Date(Date.now() + 1000));
    expect((await notificationsFor(db, citizen)).unread).toBe(0);

    await addMessage(db, c, { kind: 'usager', id: julie.id, label: 'Julie Fontaine' }, 'Merci !', new Date(Date.now() + 2000));
    expect((await notificationsFor(db, agent)).items[0]?.text).toMatch(/^Message de Julie Fontaine/);

    // Read up to a moment: what the body says after it is news again, and only that.
    await addMessage(db, c, { kind: 'agent', id: ville.id, label: 'Ville' }, 'Il manque une page.', new Date(Date.now() + 3000));
    expect(await notificationsFor(db, citizen)).toMatchObject({ unread: 1, items: [{ text: expect.stringMatching(/^Message de Ville/) }] });
    await markNotificationsRead(db, agent, new Date(Date.now() + 4000));
    expect((await notificationsFor(db, agent)).unread).toBe(0);
    expect((await notificationsFor(db, citizen)).unread).toBe(1); // another's "read" is not hers
  });
});
