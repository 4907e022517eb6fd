import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { type AsyncExecutor as Tx, type Engine } from '../engine';
import * as t from '../tables';
import { newJoinCode } from '../../lib/classroom/join-code';
import { agentEmail, agentSeeds, aidantEmail, aidantSeeds } from './agents-data';
import { otherBirthActs, personaSeeds, type Address, type PersonaSeed } from './personas';
import { agencyData, communeData, countries, foreignBirthsRegistry, streetData } from './reference-data';

const uuid = () => crypto.randomUUID();
const communeByCode = new Map(communeData.map((c) => [c.code, c]));

function addressColumns(address: Address) {
  const commune = communeByCode.get(address.commune);
  if (!commune) throw new Error(`Commune inconnue dans le jeu de données : ${address.commune}`);
  return { addressLine: address.line, postalCode: commune.postalCode, city: commune.name };
}

/** A 15-character number in the shape of a NIR, with a valid key; department 00 marks it as fictitious. */
function fictitiousNir(persona: PersonaSeed, order: number): string {
  const [year, month] = persona.birthdate.split('-');
  const body = `${persona.gender === 'female' ? 2 : 1}${year?.slice(2)}${month}00${String(101 + (order % 4)).padStart(3, '0')}${String(order + 1).padStart(3, '0')}`;
  const key = 97n - (BigInt(body) % 97n);
  return `${body}${String(key).padStart(2, '0')}`;
}

/** Reference data shared by all séances: bodies, communes, streets. Idempotent. */
export async function seedReference(engine: Engine): Promise<void> {
  await engine.transaction(async (tx) => {
    await tx.insert(t.agencies).values(agencyData).onConflictDoNothing();
    await tx.insert(t.communes).values([...communeData]).onConflictDoNothing();
    const [streets] = await tx.select({ n: count() }).from(t.streets);
    if (Number(streets?.n ?? 0) === 0) await tx.insert(t.streets).values(streetData);
  });
}

/** Copies the whole seeded world into one séance: personas, every body's records, agents. */
export async function seedWorld(engine: Engine, classSessionId: string): Promise<void> {
  await engine.transaction((tx) => insertWorld(tx, classSessionId));
}

/** The world's rows for one séance, inside the caller's transaction (creating or resetting a séance). */
export async function insertWorldInto(tx: Tx, classSessionId: string): Promise<void> {
  await insertWorld(tx, classSessionId);
}

async function insertWorld(tx: Tx, classSessionId: string): Promise<void> {
    for (const [order, p] of personaSeeds.entries()) {
      const personaId = uuid();
      const home = addressColumns(p.address);
      const birthplace =
        'commune' in p.born
          ? { code: p.born.commune, name: communeByCode.get(p.born.commune)?.name ?? '', country: countries.france }
          : { code: null, name: p.born.abroad.city, country: countries[p.born.abroad.country] };
      const base = { classSessionId, personaId };
      const own = (address: Address | undefined) => (address ? addressColumns(address) : home);

      await tx.insert(t.personas)
        .values({
          id: personaId,
          classSessionId,
          key: p.key,
          givenNames: p.givenNames,
          familyName: p.familyName,
          preferredName: p.preferredName ?? null,
          gender: p.gender,
          birthdate: p.birthdate,
          birthplaceCode: birthplace.code,
          birthplaceName: birthplace.name,
          birthcountryCode: birthplace.country.code,
          birthcountryName: birthplace.country.name,
          email: `${p.key.replace('-', '.')}@courriel.test`,
          phone: p.phone,
          ...home,
          occupation: p.occupation,
          digitalProfile: p.digitalProfile,
          scenarioTitle: p.card.title,
          situation: p.card.situation,
          goal: p.card.goal,
          constraints: p.card.constraints,
        });

      const act = p.birthAct;
      await tx.insert(t.birthRecords)
        .values({
          id: uuid(),
          ...base,
          registry: birthplace.code ?? foreignBirthsRegistry,
          actNumber: act.actNumber,
          year: act.year ?? Number(p.birthdate.slice(0, 4)),
          familyName: p.familyName,
          givenNames: p.givenNames,
          sex: p.gender === 'female' ? 'F' : 'M',
          birthDate: p.birthdate,
          birthTime: act.time,
          birthPlace: birthplace.code ? birthplace.name : `${birthplace.name} (${birthplace.country.name})`,
          fatherName: act.father,
          motherName: act.mother,
          marginalNotes: act.notes ?? [],
        });

      const n = order + 1;
      if (p.dgfip) {
        await tx.insert(t.dgfipTaxpayers)
          .values({
            id: uuid(), ...base, ...own(p.dgfip.address),
            taxNumber: String(3000000000000 + n * 7919013),
            residenceType: p.dgfip.residenceType ?? 'principale',
            householdParts: p.dgfip.parts,
            referenceIncome: p.dgfip.income,
            lastReturnYear: p.dgfip.lastReturnYear ?? 2026,
          });
      }
      for (const v of p.siv ?? []) {
        await tx.insert(t.sivVehicles)
          .values({
            id: uuid(), ...base, ...own(v.address),
            registration: v.registration,
            holderKind: v.company ? 'societe' : 'personne',
            holderName: v.company ?? `${p.familyName.toUpperCase()} ${p.givenNames}`,
            make: v.make,
            model: v.model,
            firstRegisteredOn: v.firstRegisteredOn,
          });
      }
      if (p.caf) {
        await tx.insert(t.cafBeneficiaries)
          .values({
            id: uuid(), ...base, ...own(p.caf.address),
            beneficiaryNumber: String(4100000 + n * 313),
            familySituation: p.caf.familySituation,
            benefits: p.caf.benefits,
            monthlyAmount: p.caf.amount,
          });
      }
      if (p.cpam) {
        await tx.insert(t.cpamInsured)
          .values({ id: uuid(), ...base, ...own(p.cpam.address), socialSecurityNumber: fictitiousNir(p, order), doctorName: p.cpam.doctor ?? null });
      }
      if (p.franceTravail) {
        const ft = p.franceTravail;
        await tx.insert(t.franceTravailJobseekers)
          .values({ id: uuid(), ...base, ...own(ft.address), jobseekerId: `${String(5200000 + n * 41)}F`, registeredOn: ft.registeredOn, category: ft.category, adviserName: ft.adviser });
      }
      if (p.retraite) {
        const r = p.retraite;
        await tx.insert(t.retraitePensioners)
          .values({ id: uuid(), ...base, ...own(r.address), pensionNumber: `R${String(8800000 + n * 97)}`, pensionKind: r.kind, monthlyAmount: r.amount, startedOn: r.startedOn });
      }
      if (p.laPoste) {
        await tx.insert(t.laPosteCustomers)
          .values({ id: uuid(), ...base, ...own(p.laPoste.address), customerNumber: `LP${String(60000 + n * 13)}`, hasMailForwarding: p.laPoste.forwarding ?? false });
      }
      if (p.parkingCard) {
        await tx.insert(t.villeParkingCards).values({ id: uuid(), ...base, cardNumber: `VSB-${2026}-${String(n).padStart(4, '0')}`, ...p.parkingCard });
      }
    }

    for (const act of otherBirthActs) {
      const { notes, father, mother, ...rest } = act;
      await tx.insert(t.birthRecords)
        .values({
          id: uuid(), classSessionId, personaId: null, ...rest,
          birthPlace: communeByCode.get(act.registry as (typeof communeData)[number]['code'])?.name ?? act.registry,
          fatherName: father, motherName: mother, marginalNotes: notes,
        });
    }

    await insertAidants(tx, classSessionId);
    await tx.insert(t.agents)
      .values(agentSeeds.map((a) => ({ id: uuid(), classSessionId, agencyId: a.agencyId, unit: a.unit ?? null, givenName: a.givenName, familyName: a.familyName, email: agentEmail(a), jobTitle: a.jobTitle })));
}

async function insertAidants(tx: Tx, classSessionId: string): Promise<void> {
  await tx.insert(t.aidants).values(aidantSeeds.map((a) => ({ id: uuid(), classSessionId, ...a, email: aidantEmail(a) }))).onConflictDoNothing();
}

/** Séances created before aidants existed get theirs (idempotent). */
export async function ensureAidants(engine: Engine): Promise<void> {
  await engine.transaction(async (tx) => {
    for (const { id } of await tx.select({ id: t.classSessions.id }).from(t.classSessions)) {
      if (!(await tx.select({ id: t.aidants.id }).from(t.aidants).where(eq(t.aidants.classSessionId, id)).get())) await insertAidants(tx, id);
    }
  });
}

export const demoSessionName = 'Séance de démonstration';

/**
 * On an empty database: the reference data and a demonstration séance holding the whole world,
 * so that FranceConnect simulé and the back-offices work before any teacher creates a séance.
 * Returns the demonstration séance.
 */
export async function seedIfEmpty(engine: Engine, teacherId: string | null): Promise<typeof t.classSessions.$inferSelect> {
  await seedReference(engine);
  const existing = await engine.db.select().from(t.classSessions).where(eq(t.classSessions.isDemo, true)).get();
  if (existing) return existing;
  return engine.transaction(async (tx) => {
    const [session] = await tx
      .insert(t.classSessions)
      .values({ id: uuid(), name: demoSessionName, joinCode: newJoinCode(), teacherId, preset: 'tout', isDemo: true, simulateNetwork: false })
      .returning();
    await insertWorld(tx, session!.id);
    return session!;
  });
}
