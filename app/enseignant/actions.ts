'use server';

import { agreed, countOf, elidedDe, formatList } from '@/lib/format';
import { issueNotices } from '@/lib/procedures/fines/notices';
import { database, getEngine } from '@/db/engine';
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { agencyIds, faultKinds, participantRoles } from '@/db/schema';
import { classSessions } from '@/db/tables';
import { requireTeacher } from '@/lib/auth/guards';
import { endFaults, injectFault } from '@/lib/platform/faults';
import { rotateToken } from '@/lib/platform/tokens';
import { createSession, deleteSession, ownedSession, presets, resetSession, type Preset } from '@/lib/classroom/sessions';
import { eventCards, type EventCardId } from '@/lib/classroom/cards';
import { revealHint, sendClassroomMessage } from '@/lib/classroom/messages';
import { choiceLabel, participantsOfSession, reassignParticipant } from '@/lib/classroom/participants';
import { actionKeyOf, once } from '@/lib/action-keys';
import { recheckHeldCases } from '@/lib/procedures/engine/run';
import { automateBody } from '@/lib/classroom/coverage';
import { setFlash, stayOn } from '@/lib/flash';
import { agencyShortName } from '@/lib/platform/consent-text';
import { settingsFields, settingsForm } from '@/lib/classroom/settings-form';

const rotation = z.object({ seance: z.string().min(1), organisme: z.enum(agencyIds) });

/** Revokes a body's platform token in one of the teacher's séances and issues a new one. */
export async function rotateTokenAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const parsed = rotation.safeParse({ seance: formData.get('seance'), organisme: formData.get('organisme') });
  const owned = await teacherOwns(teacher.id, formData.get('seance')) ?? (await unknownSession());
  if (!parsed.success) {
    await setFlash('Ce jeton ne peut pas être remplacé : l’organisme est inconnu.', 'erreur');
    redirect(`${pageOf(owned.id)}/organismes`);
  }
  // A double-click replaces the token once (the second click gets the first one's answer), not twice.
  await once(database(), { key: actionKeyOf(formData), actor: teacher.id, action: `jeton:${parsed.data.organisme}`, classSessionId: owned.id }, async () => {
    await rotateToken(getEngine(), owned.id, parsed.data.organisme);
  });
  await setFlash(`Le jeton de l’organisme « ${agencyShortName(parsed.data.organisme)} » est remplacé : l’ancien est refusé dès maintenant.`);
  redirect(`${pageOf(owned.id)}/organismes`);
}

const faultForm = z.object({
  seance: z.string().min(1),
  organisme: z.enum(agencyIds, { error: 'Choisissez un organisme.' }),
  type: z.enum(faultKinds, { error: 'Choisissez le type de panne.' }),
  minutes: z.coerce.number({ error: 'Indiquez une durée en minutes.' }).int('Indiquez un nombre entier de minutes.').min(1, 'La durée va de 1 à 120 minutes.').max(120, 'La durée va de 1 à 120 minutes.'),
  latence: z.coerce.number({ error: 'Indiquez un délai en secondes.' }).int('Indiquez un nombre entier de secondes.').min(1, 'Le délai va de 1 à 30 secondes.').max(30, 'Le délai va de 1 à 30 secondes.'),
  taux: z.coerce.number({ error: 'Indiquez un pourcentage.' }).int('Indiquez un pourcentage entier.').min(1, 'Le taux va de 1 à 100 %.').max(100, 'Le taux va de 1 à 100 %.'),
});

const teacherOwns = async (teacherId: string, seance: unknown) => (typeof seance === 'string' ? await ownedSession(database(), teacherId, seance) : null);

/** The séance's own pages (one tab each), where each of these actions sends the teacher back. */
const pageOf = (id: string) => `/enseignant/seances/${id}`;

/** A séance that is not (or no longer) the teacher's: back to the list, which says so. */
async function unknownSession(): Promise<never> {
  await setFlash('Cette séance n’existe plus, ou n’est pas l’une des vôtres.', 'erreur');
  redirect('/enseignant#seances');
}

/** The séance named in the form, if it is one of the teacher's; otherwise back to the list. */
async function mySession(formData: FormData) {
  const teacher = await requireTeacher();
  const session = await teacherOwns(teacher.id, formData.get('seance'));
  return session ?? await unknownSession();
}

/** Makes a body unavailable, slow or erratic for a time: the class sees the effects on the next exchanges. */
export async function injectFaultAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const raw = Object.fromEntries(['seance', 'organisme', 'type', 'minutes', 'latence', 'taux'].map((k) => [k, String(formData.get(k) ?? '')]));
  const parsed = faultForm.safeParse(raw);
  const session = await teacherOwns(teacher.id, raw.seance);
  if (!parsed.success || !session) {
    const back = new URLSearchParams(raw);
    back.delete('seance');
    for (const issue of parsed.error?.issues ?? []) back.set(`erreur-${String(issue.path[0])}`, issue.message);
    if (!session) return unknownSession();
    redirect(`${pageOf(session.id)}/pannes?${back.toString()}`);
  }
  const f = parsed.data;
  await once(database(), { key: actionKeyOf(formData), actor: teacher.id, action: 'panne', classSessionId: session.id }, async () => {
    await injectFault(database(), session.id, { agency: f.organisme, kind: f.type, minutes: f.minutes, latencyMs: f.latence * 1000, failureRate: f.taux / 100 });
  });
  await setFlash(`La panne est lancée sur « ${agencyShortName(f.organisme)} ». Les prochains échanges avec cet organisme en subiront les effets.`);
  redirect(`${pageOf(session.id)}/pannes`);
}

/** Ends every fault of a body now. */
export async function endFaultsAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  const agency = z.enum(agencyIds).safeParse(formData.get('organisme'));
  if (agency.success) {
    await endFaults(database(), session.id, agency.data);
    // The cases the outage held are checked again now, not at some later page view.
    await recheckHeldCases(database(), session.id, agency.data);
  }
  await setFlash('L’organisme répond de nouveau normalement. Les demandes qui l’attendaient sont vérifiées de nouveau.');
  redirect(`${pageOf(session.id)}/pannes`);
}

/**
 * Which bodies students play (their cases wait for them) and how long the others take to decide by themselves. A wrong
 * field sends everything typed back (boxes included), each error beside its field; nothing is saved until all hold.
 */
export async function playedBodiesAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  const bodies = formData.getAll('organismes').map(String).filter((id): id is (typeof agencyIds)[number] => (agencyIds as readonly string[]).includes(id));
  const raw = Object.fromEntries(settingsFields.map((field) => [field, String(formData.get(field) ?? '')])) as Record<(typeof settingsFields)[number], string>;
  const parsed = settingsForm.safeParse(raw);
  if (!parsed.success) {
    const back = new URLSearchParams({ ...raw, organismes: bodies.join(','), reseau: formData.get('reseau') === 'on' ? 'oui' : 'non' });
    for (const issue of parsed.error.issues) back.set(`erreur-${String(issue.path[0])}`, 'oui');
    redirect(`${pageOf(session.id)}/reglages?${back.toString()}`);
  }
  const f = parsed.data;
  await database()
    .update(classSessions)
    .set({ bodiesPlayed: bodies, autoInstructionDelaySeconds: f.delai, counterWaitMinutes: f.attente, patienceMinutes: f.patience, minutesPerMonth: f.mois, simulateNetwork: formData.get('reseau') === 'on' })
    .where(eq(classSessions.id, session.id))
    .run();
  await setFlash('C’est enregistré.');
  redirect(`${pageOf(session.id)}/reglages`);
}

/** The live view's one-click fix: a body nobody plays any more answers by itself again. */
export async function automateBodyAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  // One body, or every body of the cockpit's "À régler" at once.
  const parsed = z.array(z.enum(agencyIds)).min(1).safeParse(formData.getAll('organisme'));
  if (parsed.success) {
    const agencies = [...new Set(parsed.data)];
    await automateBody(database(), session.id, ...agencies);
    const names = formatList(agencies.map(agencyShortName));
    await setFlash(`${names} ${agreed(agencies.length, 'répond', 'répondent')} de nouveau ${agreed(agencies.length, 'seul', 'seuls')}, selon les règles de chaque démarche.`);
  }
  redirect(pageOf(session.id));
}

const newSession = z.object({
  nom: z.string().trim().min(1, 'Donnez un nom à la séance, par exemple « BTS SAM 1 — mardi ».').max(80, 'Le nom compte 80 caractères au plus.'),
  preset: z.enum(Object.keys(presets) as [Preset, ...Preset[]], { error: 'Choisissez un scénario.' }),
  eleves: z.coerce.number({ error: 'Indiquez un nombre d’élèves.' }).int('Indiquez un nombre entier d’élèves.').min(1, 'Le nombre d’élèves va de 1 à 100.').max(100, 'Le nombre d’élèves va de 1 à 100.'),
});

/** A new séance with its own copy of the world and a join code. */
export async function createSessionAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const raw = { nom: String(formData.get('nom') ?? ''), preset: String(formData.get('preset') ?? ''), eleves: String(formData.get('eleves') ?? '') };
  const parsed = newSession.safeParse(raw);
  if (!parsed.success) {
    const back = new URLSearchParams(raw);
    for (const field of ['nom', 'preset', 'eleves']) back.set(`erreur-${field}`, parsed.error.issues.find((i) => i.path[0] === field)?.message ?? '');
    redirect(`/enseignant?${back.toString()}#nouvelle-seance`);
  }
  // A double-click makes one séance, and both clicks land on it.
  const path = await once(database(), { key: actionKeyOf(formData), actor: teacher.id, action: 'creer-seance' }, async () => {
    const session = await createSession(getEngine(), teacher.id, { name: parsed.data.nom, preset: parsed.data.preset, expectedStudents: parsed.data.eleves });
    return pageOf(session.id);
  });
  await setFlash('La séance est créée, avec sa propre copie du monde simulé. Projetez le code : les élèves le saisissent sur la page « Rejoindre ».');
  redirect(path);
}

/** Reset (back to the seed) or delete (every row), each after a confirmation page. */
export async function sessionLifecycleAction(formData: FormData): Promise<void> {
  const teacher = await requireTeacher();
  const action = formData.get('action');
  // Once per confirmation: a double-click or the form sent again gets the first one's answer. The key goes with the
  // teacher, not with the séance, whose rows the action deletes.
  const answer = await once(database(), { key: actionKeyOf(formData), actor: teacher.id, action: `seance:${String(action)}` }, async (): Promise<{ path: string; flash: string | null } | null> => {
    const session = await teacherOwns(teacher.id, formData.get('seance'));
    if (!session) return null;
    if (action === 'supprimer' && !session.isDemo) {
      await deleteSession(getEngine(), session.id);
      return { path: '/enseignant#seances', flash: 'La séance et toutes ses données sont supprimées.' };
    }
    if (action !== 'reinitialiser') return { path: pageOf(session.id), flash: null };
    await resetSession(getEngine(), session.id);
    return { path: pageOf(session.id), flash: 'La séance est revenue au monde de départ. Les élèves doivent la rejoindre à nouveau avec le même code.' };
  });
  if (!answer) return unknownSession();
  if (answer.flash) await setFlash(answer.flash);
  redirect(answer.path);
}

/**
 * The teacher gives a student another role, on the Élèves page refreshed in place (stayOn): a role the teacher is
 * choosing in another student's menu meanwhile stays chosen.
 */
export async function reassignAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  // "agent" (any body) or "agent:caf", "citoyen:<persona>", "aidant:<aidant>": the teacher may pick who they play.
  const [rawRole, subject] = String(formData.get('role') ?? '').split(':');
  const role = z.enum(participantRoles).safeParse(rawRole);
  const participant = String(formData.get('participant') ?? '');
  const db = database();
  const page = `${pageOf(session.id)}/eleves`;
  const moved = role.success ? await reassignParticipant(db, session, participant, { role: role.data, subject: subject || null }) : null;
  if (!moved) await setFlash('Ce rôle ne peut pas être donné : l’élève ou le rôle est inconnu.', 'erreur', null, page);
  else if (!moved.changed) await setFlash(`${moved.pseudonym} joue déjà ce rôle : rien n’a changé.`, 'succes', null, page);
  else await setFlash(`Nouveau rôle ${elidedDe(moved.pseudonym)} : ${await choiceLabel(db, session.id, moved.id)}. ${moved.pseudonym} le voit sur sa page de séance.`, 'succes', null, page);
  await stayOn(page);
}

const messageForm = z.object({
  destinataire: z.string().min(1, 'Choisissez à qui envoyer le message.'),
  carte: z.union([z.literal(''), z.enum(Object.keys(eventCards) as [EventCardId, ...EventCardId[]])]),
  titre: z.string().trim().max(80, 'Le titre compte 80 caractères au plus.'),
  texte: z.string().trim().max(1000, 'Le message compte 1 000 caractères au plus.'),
});

/** A message or an event card, to one student or to the whole class. */
export async function sendMessageAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  const raw = { destinataire: String(formData.get('destinataire') ?? ''), carte: String(formData.get('carte') ?? ''), titre: String(formData.get('titre') ?? ''), texte: String(formData.get('texte') ?? '') };
  const parsed = messageForm.safeParse(raw);
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
  const db = database();
  const to = raw.destinataire === 'tous' ? null : raw.destinataire;
  if (to && !(await participantsOfSession(db, session.id)).some((p) => p.id === to)) errors.destinataire = 'Cet·te élève n’est pas dans la séance.';
  const card = parsed.success && parsed.data.carte ? eventCards[parsed.data.carte] : null;
  if (!card && !raw.texte.trim() && !errors.texte) errors.texte = 'Écrivez le message, ou choisissez une carte événement.';
  if (!parsed.success || Object.keys(errors).length > 0) {
    const back = new URLSearchParams(raw);
    for (const [field, message] of Object.entries(errors)) back.set(`erreur-${field}`, message);
    redirect(`${pageOf(session.id)}/messages?${back.toString()}`);
  }
  const title = parsed.data.titre || card?.title || 'Message';
  const body = parsed.data.texte || card?.body || '';
  await once(db, { key: actionKeyOf(formData), actor: session.teacherId ?? 'enseignant', action: 'message-classe', classSessionId: session.id }, async () => {
    await sendClassroomMessage(db, { classSessionId: session.id, participantId: to, kind: card ? 'evenement' : 'message', title, body });
  });
  await setFlash('Le message est envoyé.');
  redirect(`${pageOf(session.id)}/messages`);
}

/** The radars' notices of fines: the ANTAI finds each vehicle's holder through the platform and mails the notice. */
export async function sendFinesAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  const db = database();
  const sent = await once(db, { key: actionKeyOf(formData), actor: session.teacherId ?? 'enseignant', action: 'avis-contravention', classSessionId: session.id }, () => issueNotices(db, session.id));
  await setFlash(sent > 0 ? `${countOf(sent, 'avis de contravention envoyé', 'avis de contravention envoyés')} : l’ANTAI a demandé à la SIV, par la plateforme, le titulaire de chaque véhicule.` : 'Les avis de contravention sont déjà envoyés.');
  redirect(`${pageOf(session.id)}/messages`);
}

/** Reveals the next hint of a student's scenario card (in place, as reassignAction). */
export async function revealHintAction(formData: FormData): Promise<void> {
  const session = await mySession(formData);
  const db = database();
  const page = `${pageOf(session.id)}/eleves`;
  const participant = (await participantsOfSession(db, session.id)).find((p) => p.id === formData.get('participant'));
  if (!participant) {
    await setFlash('Cet·te élève n’est pas dans la séance.', 'erreur', null, page);
  } else {
    // One click, one hint: the form says which hint it reveals, so a double-click or a resend does not reveal the next.
    // (The message names the hint the student has now: a double-click's two answers say the same.)
    const { outcome, latest } = await revealHint(db, participant, Number(formData.get('indice')) || undefined);
    await setFlash(outcome === 'tous-reveles' ? `${participant.pseudonym} a déjà reçu tous les indices de sa carte.` : `L’indice ${latest} est envoyé à ${participant.pseudonym}.`, 'succes', null, page);
  }
  await stayOn(page);
}
