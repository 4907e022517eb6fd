import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Transaction as Tx } from '../client';
import * as t from '../schema';
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
export function seedReference(db: Db): void {
  writeTransaction(db, (tx) => {
    tx.insert(t.agencies).values(agencyData).onConflictDoNothing().run();
    tx.insert(t.communes).values([...communeData]).onConflictDoNothing().run();
    const [streets] = tx.select({ n: count() }).from(t.streets).all();
    if ((streets?.n ?? 0) === 0) tx.insert(t.streets).values(streetData).run();
  });
}

/** Copies the whole seeded world into one séance: personas, every body's records, agents. */
export function seedWorld(db: Db, classSessionId: string): void {
  writeTransaction(db, (tx) => insertWorld(tx, classSessionId));
}

/** The world's rows for one séance, inside the caller's transaction (creating or resetting a séance). */
export function insertWorldInto(tx: Tx, classSessionId: string): void {
  insertWorld(tx, classSessionId);
}

function insertWorld(tx: Tx, classSessionId: string): void {
    personaSeeds.forEach((p, order) => {
      const personaId = uuid();
      const home = addressColumns(p.address);
      const birthplace =
        'commune' in p.born
          ? { code: p.born.commune, name: communeByCode.get(p.born.commune)?.name ?? '', country: countries.france }
          : { code: null, name: p.born.abroad.city, country: countries[p.born.abroad.country] };
      const base = { classSessionId, personaId };
      const own = (address: Address | undefined) => (address ? addressColumns(address) : home);

      tx.insert(t.personas)
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
        })
        .run();

      const act = p.birthAct;
      tx.insert(t.birthRecords)
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
        })
        .run();

      const n = order + 1;
      if (p.dgfip) {
        tx.insert(t.dgfipTaxpayers)
          .values({
            id: uuid(), ...base, ...own(p.dgfip.address),
            taxNumber: String(3000000000000 + n * 7919013),
            residenceType: p.dgfip.residenceType ?? 'principale',
            householdParts: p.dgfip.parts,
            referenceIncome: p.dgfip.income,
            lastReturnYear: p.dgfip.lastReturnYear ?? 2026,
          })
          .run();
      }
      for (const v of p.siv ?? []) {
        tx.insert(t.sivVehicles)
          .values({
            id: uuid(), ...base, ...own(v.address),
            registration: v.registration,
            holderKind: v.company ? 'societe' : 'personne',
            holderName: v.company ?? `${p.familyName.toUpperCase()} ${p.givenNames}`,
            make: v.make,
            model: v.model,
            firstRegisteredOn: v.firstRegisteredOn,
          })
          .run();
      }
      if (p.caf) {
        tx.insert(t.cafBeneficiaries)
          .values({
            id: uuid(), ...base, ...own(p.caf.address),
            beneficiaryNumber: String(4100000 + n * 313),
            familySituation: p.caf.familySituation,
            benefits: p.caf.benefits,
            monthlyAmount: p.caf.amount,
          })
          .run();
      }
      if (p.cpam) {
        tx.insert(t.cpamInsured)
          .values({ id: uuid(), ...base, ...own(p.cpam.address), socialSecurityNumber: fictitiousNir(p, order), doctorName: p.cpam.doctor ?? null })
          .run();
      }
      if (p.franceTravail) {
        const ft = p.franceTravail;
        tx.insert(t.franceTravailJobseekers)
          .values({ id: uuid(), ...base, ...own(ft.address), jobseekerId: `${String(5200000 + n * 41)}F`, registeredOn: ft.registeredOn, category: ft.category, adviserName: ft.adviser })
          .run();
      }
      if (p.retraite) {
        const r = p.retraite;
        tx.insert(t.retraitePensioners)
          .values({ id: uuid(), ...base, ...own(r.address), pensionNumber: `R${String(8800000 + n * 97)}`, pensionKind: r.kind, monthlyAmount: r.amount, startedOn: r.startedOn })
          .run();
      }
      if (p.laPoste) {
        tx.insert(t.laPosteCustomers)
          .values({ id: uuid(), ...base, ...own(p.laPoste.address), customerNumber: `LP${String(60000 + n * 13)}`, hasMailForwarding: p.laPoste.forwarding ?? false })
          .run();
      }
      if (p.parkingCard) {
        tx.insert(t.villeParkingCards).values({ id: uuid(), ...base, cardNumber: `VSB-${2026}-${String(n).padStart(4, '0')}`, ...p.parkingCard }).run();
      }
    });

    for (const act of otherBirthActs) {
      const { notes, father, mother, ...rest } = act;
      tx.insert(t.birthRecords)
        .values({
          id: uuid(), classSessionId, personaId: null, ...rest,
          birthPlace: communeByCode.get(act.registry as (typeof communeData)[number]['code'])?.name ?? act.registry,
          fatherName: father, motherName: mother, marginalNotes: notes,
        })
        .run();
    }

    insertAidants(tx, classSessionId);
    tx.insert(t.agents)
      .values(agentSeeds.map((a) => ({ id: uuid(), classSessionId, agencyId: a.agencyId, unit: a.unit ?? null, givenName: a.givenName, familyName: a.familyName, email: agentEmail(a), jobTitle: a.jobTitle })))
      .run();
}

function insertAidants(tx: Tx, classSessionId: string): void {
  tx.insert(t.aidants).values(aidantSeeds.map((a) => ({ id: uuid(), classSessionId, ...a, email: aidantEmail(a) }))).onConflictDoNothing().run();
}

/** Séances created before aidants existed get theirs (idempotent). */
export function ensureAidants(db: Db): void {
  writeTransaction(db, (tx) => {
    for (const { id } of tx.select({ id: t.classSessions.id }).from(t.classSessions).all()) {
      if (!tx.select({ id: t.aidants.id }).from(t.aidants).where(eq(t.aidants.classSessionId, id)).get()) insertAidants(tx, id);
    }
  });
}

export const demoSessionName = 'Séance de démonstration';

/**
 * On an empty database: the reference data and a demonstration séance holding the whole world,
 * so that FranceConnect simulé and the back-offices work before any teacher creates a séance.
 * Returns the demonstration séance.
 */
export function seedIfEmpty(db: Db, teacherId: string | null): typeof t.classSessions.$inferSelect {
  seedReference(db);
  const existing = db.select().from(t.classSessions).where(eq(t.classSessions.isDemo, true)).get();
  if (existing) return existing;
  return writeTransaction(db, (tx) => {
    const session = tx
      .insert(t.classSessions)
      .values({ id: uuid(), name: demoSessionName, joinCode: newJoinCode(), teacherId, preset: 'tout', isDemo: true, simulateNetwork: false })
      .returning()
      .get();
    insertWorld(tx, session.id);
    return session;
  });
}
