import { eq, sql } from 'drizzle-orm';
import { type AsyncExecutor } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { agents, aidants, personas, teachers } from '../../db/tables';
import type { SessionUser } from './session-user';

// Who a session names, from the database. Apart from lib/auth/guards.ts (which reads the request through Next) so that
// the live streams served beside Next (scripts/worker.ts) answer the same question the same way.

export type Persona = typeof personas.$inferSelect;
export type Agent = typeof agents.$inferSelect;
export type Aidant = typeof aidants.$inferSelect;
export type TeacherAccount = Omit<typeof teachers.$inferSelect, 'passwordHash'>;

export type Viewer =
  | { role: 'citoyen'; persona: Persona }
  | { role: 'agent'; agent: Agent }
  | { role: 'aidant'; aidant: Aidant }
  | { role: 'enseignant'; teacher: TeacherAccount };

/** The id of the account a viewer is signed in as, whatever their role. */
export const accountIdOf = (viewer: Viewer): string =>
  viewer.role === 'citoyen' ? viewer.persona.id : viewer.role === 'agent' ? viewer.agent.id : viewer.role === 'aidant' ? viewer.aidant.id : viewer.teacher.id;

/** The persona, agent or aidant account a viewer plays (what a student's role names); null for a teacher. */
export const playedAccountOf = (viewer: Viewer): string | null => (viewer.role === 'enseignant' ? null : accountIdOf(viewer));

// Read on every signed-in page: built once (db/prepared.ts).
const personaById = prepared((db) => db.select().from(personas).where(eq(personas.id, sql.placeholder('id'))));
const agentById = prepared((db) => db.select().from(agents).where(eq(agents.id, sql.placeholder('id'))));
const aidantById = prepared((db) => db.select().from(aidants).where(eq(aidants.id, sql.placeholder('id'))));
const teacherById = prepared((db) =>
  db.select({ id: teachers.id, email: teachers.email, displayName: teachers.displayName, createdAt: teachers.createdAt }).from(teachers).where(eq(teachers.id, sql.placeholder('id'))),
);

/** The account a session names, read fresh from the database (a deleted persona or agent is signed out). */
export async function viewerOfSession(db: AsyncExecutor, session: Pick<SessionUser, 'role' | 'subject'> | null): Promise<Viewer | null> {
  const subject = session?.subject;
  if (!session || !subject) return null;
  switch (session.role) {
    case 'citoyen': {
      const persona = await personaById(db).get({ id: subject });
      return persona ? { role: 'citoyen', persona } : null;
    }
    case 'agent': {
      const agent = await agentById(db).get({ id: subject });
      return agent ? { role: 'agent', agent } : null;
    }
    case 'aidant': {
      const aidant = await aidantById(db).get({ id: subject });
      return aidant ? { role: 'aidant', aidant } : null;
    }
    case 'enseignant': {
      const teacher = await teacherById(db).get({ id: subject });
      return teacher ? { role: 'enseignant', teacher } : null;
    }
    default:
      return null;
  }
}

