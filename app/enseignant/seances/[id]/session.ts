import 'server-only';
import { and, eq } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { classSessions } from '@/db/schema';
import { requireTeacher } from '@/lib/auth/guards';
import { env } from '@/lib/env';

/** The séance of the page's URL, if it is one of the signed-in teacher's (404 otherwise: no hint that it exists). */
export async function teacherSession(id: string) {
  const teacher = await requireTeacher();
  const session = getDb().select().from(classSessions).where(and(eq(classSessions.id, id), eq(classSessions.teacherId, teacher.id))).get();
  if (!session) notFound();
  return { teacher, session, joinUrl: `${env().baseUrl}/rejoindre?code=${session.joinCode}` };
}
