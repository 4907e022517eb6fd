import 'server-only';
import { notFound } from 'next/navigation';
import { database } from '@/db/engine';
import { requireTeacher } from '@/lib/auth/guards';
import { ownedSession } from '@/lib/classroom/sessions';
import { env } from '@/lib/env';

/** The séance of the page's URL, if it is one of the signed-in teacher's (404 otherwise: no hint that it exists). */
export async function teacherSession(id: string) {
  const teacher = await requireTeacher();
  const session = await ownedSession(database(), teacher.id, id);
  if (!session) notFound();
  return { teacher, session, joinUrl: `${env().baseUrl}/rejoindre?code=${session.joinCode}` };
}
