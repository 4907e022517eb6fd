import { engineFor, getEngine, type AsyncExecutor } from '../engine';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { openDatabase, type Db } from '../client';
import * as t from '../schema';
import { demoSession } from '../../lib/classroom/sessions';
import { seedWorld } from '.';

let db: AsyncExecutor;
let sessionId: string;
const persona = async (key: string) => {
  const p = await db.select().from(t.personas).where(and(eq(t.personas.key, key), eq(t.personas.classSessionId, sessionId))).get();
  if (!p) throw new Error(`persona ${key} missing`);
  return p;
};

beforeAll(async () => {
  db = await freshDb();
  const demo = await demoSession(db);
  if (!demo) throw new Error('no demo séance');
  sessionId = demo.id;
});

describe('the seeded world', () => {
  it('has at least 24 personas, each with a French scenario card and a birth act', async () => {
    const all = await db.select().from(t.personas).where(eq(t.personas.classSessionId, sessionId)).all();
    expect(all.length).toBeGreaterThanOrEqual(24);
    for (const p of all) {
      expect(p.situation.length).toBeGreaterThan(20);
      expect(p.goal.length).toBeGreaterThan(10);
      expect(await db.select().from(t.birthRecords).where(eq(t.birthRecords.personaId, p.id)).all()).toHaveLength(1);
    }
  });

  it('gives every body records, and état civil registers for at least three communes plus births abroad', async () => {
    for (const table of [t.dgfipTaxpayers, t.sivVehicles, t.cafBeneficiaries, t.cpamInsured, t.franceTravailJobseekers, t.retraitePensioners, t.laPosteCustomers]) {
      expect((await db.select({ n: count() }).from(table).get())?.n).toBeGreaterThan(2);
    }
    const registries = new Set((await db.select({ r: t.birthRecords.registry }).from(t.birthRecords).all()).map((r) => r.r));
    expect([...registries].filter((r) => r !== 'scec').length).toBeGreaterThanOrEqual(3);
    expect(registries.has('scec')).toBe(true);
    expect((await db.select({ n: count() }).from(t.streets).where(eq(t.streets.parkingZone, 'A')).get())?.n).toBeGreaterThan(0);
    // The city already issued a resident parking card to one persona.
    const card = await db.select().from(t.villeParkingCards).get();
    expect(card).toMatchObject({ registration: 'GA-842-YC', zone: 'C', personaId: (await persona('yasmine-cherif')).id });
  });

  it('keeps the deliberate inconsistencies the scenarios need', async () => {
    const sophie = await persona('sophie-lefebvre');
    const tax = await db.select().from(t.dgfipTaxpayers).where(eq(t.dgfipTaxpayers.personaId, sophie.id)).get();
    const car = await db.select().from(t.sivVehicles).where(eq(t.sivVehicles.personaId, sophie.id)).get();
    expect(tax?.addressLine).toBe(sophie.addressLine);
    expect(car?.city).not.toBe(sophie.city); // the registration still shows the old address

    const julie = await persona('julie-fontaine');
    expect(await db.select().from(t.dgfipTaxpayers).where(eq(t.dgfipTaxpayers.personaId, julie.id)).get()).toBeUndefined();

    const amadou = await persona('amadou-diallo');
    expect(amadou.birthcountryName).toBe('Sénégal');
    expect((await db.select().from(t.birthRecords).where(eq(t.birthRecords.personaId, amadou.id)).get())?.registry).toBe('scec');

    expect((await persona('marcel-dupuis')).digitalProfile).toBe('jamais_internet');
    expect((await persona('lucas-petit')).digitalProfile).toBe('zone_blanche');
    expect((await db.select().from(t.sivVehicles).where(eq(t.sivVehicles.personaId, (await persona('hugo-lambert')).id)).get())?.holderKind).toBe('societe');
  });

  it('gives every body at least one agent, and every état civil register its own', async () => {
    const rows = await db.select().from(t.agents).where(eq(t.agents.classSessionId, sessionId)).all();
    for (const agency of t.agencyIds) expect(rows.some((a) => a.agencyId === agency)).toBe(true);
    expect(new Set(rows.filter((a) => a.agencyId === 'etat-civil').map((a) => a.unit)).size).toBe(5);
  });

  it('copies the world into another séance without touching the first, and deletes it with the séance', async () => {
    const before = (await db.select({ n: count() }).from(t.personas).get())?.n ?? 0;
    await db.insert(t.classSessions).values({ id: 'autre', name: 'Autre séance', joinCode: 'ABCDEF' }).run();
    await seedWorld(getEngine(), 'autre');
    const perSession = (await db.select({ n: count() }).from(t.personas).where(eq(t.personas.classSessionId, 'autre')).get())?.n;
    expect(perSession).toBe(before);
    await db.delete(t.classSessions).where(eq(t.classSessions.id, 'autre')).run();
    for (const table of [t.personas, t.agents, t.dgfipTaxpayers, t.sivVehicles, t.birthRecords]) {
      expect((await db.select({ n: count() }).from(table).where(eq(table.classSessionId, 'autre')).get())?.n).toBe(0);
    }
  });
});

describe('the database connection', () => {
  it('opens files in WAL mode with foreign keys on', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eg-')), 'test.sqlite');
    const fileDb = openDatabase(file);
    expect(fileDb.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fileDb.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    fileDb.$client.close();
  });
});
