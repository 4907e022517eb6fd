import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../test/db';
import { agents, personas } from '../db/tables';
import { demoSession } from './classroom/sessions';
import { liveVersion } from './live-version';
import { agentDecide } from './procedures/agent';
import { startCase } from './procedures/engine/cases';
import { submitCase } from './procedures/engine/run';
import type { Agent } from './auth/guards';

describe('live pages', () => {
  it('a person’s fingerprint changes when their case moves, not when someone else’s does; the agent’s follows their queue', async () => {
    const db = await freshDb();
    const session = (await demoSession(db))!.id;
    const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.classSessionId, session), eq(personas.key, key))).get())!;
    const karim = await person('karim-benali');
    const julie = await person('julie-fontaine');
    const row = (await db.select().from(agents).where(and(eq(agents.classSessionId, session), eq(agents.agencyId, 'etat-civil'), eq(agents.unit, '00101'))).get())!;
    const officer = { ...row, classSessionId: session } as unknown as Agent;
    const of = (p: typeof karim) => liveVersion(db, { kind: 'usager', persona: p });
    const queue = () => liveVersion(db, { kind: 'agent', agent: officer });

    const [k0, j0, q0] = [await of(karim), await of(julie), await queue()];
    const { c } = await startCase(db, { classSessionId: session, personaId: karim.id, procedure: 'acte-naissance', answers: { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } } });
    expect(await of(karim)).not.toBe(k0);
    expect(await queue()).toBe(q0); // a draft is nobody's business but the person's
    const sent = await submitCase(db, c, karim, { kind: 'usager', id: karim.id, label: 'Karim' });
    const [k1, q1] = [await of(karim), await queue()];
    expect(q1).not.toBe(q0);
    await agentDecide(db, officer, sent.id, 'prendre', null);
    expect(await of(karim)).not.toBe(k1);
    expect(await queue()).not.toBe(q1);
    expect(await of(julie)).toBe(j0);
  });
});
