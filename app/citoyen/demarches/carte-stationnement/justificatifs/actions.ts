'use server';

import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { parkingProofKinds } from '@/db/schema';
import { requireCitizen } from '@/lib/auth/guards';
import { cannotGoOnlineAlone, citizenActor, offlineRoutePath, sentFlash } from '@/lib/procedures/citizen';
import { finish } from '@/lib/flash';
import { checkProofForm, fileParkingCardWithProofs, type ProofErrors } from '@/lib/procedures/parking-card/proofs';
import { actionKeyOf, once } from '@/lib/action-keys';

export type ProofState = { errors: ProofErrors; immatriculation: string; attempt: number };

/** Path B: the proofs are checked (type by their first bytes, size), stored with the case, and the case is sent. */
export async function sendProofsAction(previous: ProofState, form: FormData): Promise<ProofState> {
  const persona = await requireCitizen();
  if (cannotGoOnlineAlone(persona)) redirect(offlineRoutePath('carte-stationnement'));
  const immatriculation = String(form.get('immatriculation') ?? '').slice(0, 20);
  const files = Object.fromEntries(
    await Promise.all(
      parkingProofKinds.map(async (kind) => {
        const file = form.get(kind);
        return [kind, file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null] as const;
      }),
    ),
  );
  const errors = checkProofForm(immatriculation, files);
  if (Object.keys(errors).length > 0) return { errors, immatriculation, attempt: previous.attempt + 1 };
  const proofs = parkingProofKinds.map((kind) => ({ kind, name: files[kind]!.name, bytes: files[kind]!.bytes }));
  const db = database();
  const outcome = await once(db, { key: actionKeyOf(form), actor: persona.id, action: 'justificatifs-stationnement', classSessionId: persona.classSessionId }, async () => {
    const c = await fileParkingCardWithProofs(db, persona, citizenActor(persona), immatriculation, proofs);
    return { path: `/citoyen/dossiers/${c.id}`, flash: sentFlash(c.receiptNumber) };
  });
  return finish(outcome);
}
