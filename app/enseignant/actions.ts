'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { agencyIds, classSessions, faultKinds } from '@/db/schema';
import { requireTeacher } from '@/lib/auth/guards';
import { endFaults, injectFault } from '@/lib/platform/faults';
import { rotateToken } from '@/lib/platform/tokens';
import { createSession, deleteSession, resetSession } from '@/lib/classroom/sessions';

const rotation = z.object({ seance: z.string().min(1), organisme: z.enum(agencyIds) });

/** Revokes a body's platform token in one of the teacher's séances and issues a new one. */
export async function rotateTokenAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const parsed = rotation.safeParse({ seance: formData.get('seance'), organisme: formData.get('organisme') });
  if (!parsed.success) redirect('/enseignant?message=jeton-invalide#jetons');
  const owned = ownedSession(teacher.id, parsed.data.seance);
  if (!owned) redirect('/enseignant?message=jeton-invalide#jetons');
  rotateToken(getDb(), owned.id, parsed.data.organisme);
  revalidatePath('/enseignant');
  redirect(`/enseignant?message=jeton-remplace&organisme=${parsed.data.organisme}#jetons`);
}

const faultForm = z.object({
  seance: z.string().min(1),
  organisme: z.enum(agencyIds, { error: 'Choisissez un organisme.' }),
  type: z.enum(faultKinds, { error: 'Choisissez le type de panne.' }),
  minutes: z.coerce.number({ error: 'Indiquez une durée en minutes.' }).int('Indiquez un nombre entier de minutes.').min(1, 'La durée va de 1 à 120 minutes.').max(120, 'La durée va de 1 à 120 minutes.'),
  latence: z.coerce.number({ error: 'Indiquez un délai en secondes.' }).int('Indiquez un nombre entier de secondes.').min(1, 'Le délai va de 1 à 30 secondes.').max(30, 'Le délai va de 1 à 30 secondes.'),
  taux: z.coerce.number({ error: 'Indiquez un pourcentage.' }).int('Indiquez un pourcentage entier.').min(1, 'Le taux va de 1 à 100 %.').max(100, 'Le taux va de 1 à 100 %.'),
});

function ownedSession(teacherId: string, seance: unknown) {
  if (typeof seance !== 'string') return null;
  return getDb().select({ id: classSessions.id }).from(classSessions).where(and(eq(classSessions.id, seance), eq(classSessions.teacherId, teacherId))).get() ?? null;
}

/** Makes a body unavailable, slow or erratic for a time: the class sees the effects on the next exchanges. */
export async function injectFaultAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const raw = Object.fromEntries(['seance', 'organisme', 'type', 'minutes', 'latence', 'taux'].map((k) => [k, String(formData.get(k) ?? '')]));
  const parsed = faultForm.safeParse(raw);
  const session = ownedSession(teacher.id, raw.seance);
  if (!parsed.success || !session) {
    const back = new URLSearchParams(raw);
    back.delete('seance');
    for (const issue of parsed.error?.issues ?? []) back.set(`erreur-${String(issue.path[0])}`, issue.message);
    if (!session) back.set('erreur-organisme', 'Cette séance n’est pas l’une des vôtres.');
    redirect(`/enseignant?${back.toString()}#pannes`);
  }
  const f = parsed.data;
  injectFault(getDb(), session.id, { agency: f.organisme, kind: f.type, minutes: f.minutes, latencyMs: f.latence * 1000, failureRate: f.taux / 100 });
  revalidatePath('/enseignant');
  redirect(`/enseignant?message=panne-injectee&organisme=${f.organisme}#pannes`);
}

/** Ends every fault of a body now. */
export async function endFaultsAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const session = ownedSession(teacher.id, formData.get('seance'));
  const agency = z.enum(agencyIds).safeParse(formData.get('organisme'));
  if (session && agency.success) endFaults(getDb(), session.id, agency.data);
  revalidatePath('/enseignant');
  redirect(`/enseignant?message=panne-terminee${agency.success ? `&organisme=${agency.data}` : ''}#pannes`);
}

/** Which bodies students play (their cases wait for them) and how long the others take to decide by themselves. */
export async function playedBodiesAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const session = ownedSession(teacher.id, formData.get('seance'));
  if (!session) redirect('/enseignant?message=seance-inconnue#organismes-joues');
  const bodies = formData.getAll('organismes').map(String).filter((id): id is (typeof agencyIds)[number] => (agencyIds as readonly string[]).includes(id));
  const delay = z.coerce.number().int().min(0).max(3600).safeParse(formData.get('delai'));
  const wait = z.coerce.number().int().min(0).max(240).safeParse(formData.get('attente'));
  if (!delay.success || !wait.success) {
    const back = new URLSearchParams({ message: !delay.success ? 'delai-invalide' : 'attente-invalide', delai: String(formData.get('delai') ?? ''), attente: String(formData.get('attente') ?? '') });
    redirect(`/enseignant?${back.toString()}#organismes-joues`);
  }
  getDb().update(classSessions).set({ bodiesPlayed: bodies, autoInstructionDelaySeconds: delay.data, counterWaitMinutes: wait.data }).where(eq(classSessions.id, session.id)).run();
  revalidatePath('/enseignant');
  redirect('/enseignant?message=organismes-enregistres#organismes-joues');
}

const newSession = z.object({
  nom: z.string().trim().min(1, 'Donnez un nom à la séance, par exemple « BTS SAM 1 — mardi ».').max(80, 'Le nom compte 80 caractères au plus.'),
  preset: z.enum(['tout', 'demenagement', 'stationnement', 'fracture_numerique'], { error: 'Choisissez un scénario.' }),
});

/** A new séance with its own copy of the world and a join code. */
export async function createSessionAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const raw = { nom: String(formData.get('nom') ?? ''), preset: String(formData.get('preset') ?? '') };
  const parsed = newSession.safeParse(raw);
  if (!parsed.success) {
    const back = new URLSearchParams({ ...raw, 'erreur-nom': parsed.error.issues.find((i) => i.path[0] === 'nom')?.message ?? '', 'erreur-preset': parsed.error.issues.find((i) => i.path[0] === 'preset')?.message ?? '' });
    redirect(`/enseignant?${back.toString()}#nouvelle-seance`);
  }
  const session = createSession(getDb(), teacher.id, { name: parsed.data.nom, preset: parsed.data.preset });
  revalidatePath('/enseignant');
  redirect(`/enseignant?message=seance-creee&code=${session.joinCode}#seances`);
}

/** Reset (back to the seed) or delete (every row), each after a confirmation page. */
export async function sessionLifecycleAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const session = ownedSession(teacher.id, formData.get('seance'));
  const action = formData.get('action');
  if (!session) redirect('/enseignant?message=seance-inconnue#seances');
  const db = getDb();
  const row = db.select().from(classSessions).where(eq(classSessions.id, session.id)).get();
  if (action === 'supprimer' && !row?.isDemo) deleteSession(db, session.id);
  else if (action === 'reinitialiser') resetSession(db, session.id);
  else redirect('/enseignant#seances');
  revalidatePath('/enseignant');
  redirect(`/enseignant?message=${action === 'supprimer' ? 'seance-supprimee' : 'seance-reinitialisee'}#seances`);
}
