'use server';

import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { actionKeyOf, once } from '@/lib/action-keys';
import { finish, type Outcome } from '@/lib/flash';
import { CaseError } from '@/lib/procedures/engine/cases';
import { designateDriver } from '@/lib/procedures/fines/notices';

export type DesignationState = { error: string | null; field?: 'conducteur' | 'certifie'; driver: string; certified?: boolean; attempt: number };

/** Names the driver, once whatever the clicks; a wrong choice comes back beside the field, the choice kept. */
export async function designateAction(noticeId: string, previous: DesignationState, form: FormData): Promise<DesignationState> {
  const persona = await requireCitizen();
  const driver = String(form.get('conducteur') ?? '').slice(0, 100);
  if (!driver) return { error: 'Choisissez la personne qui conduisait.', field: 'conducteur', driver, certified: form.get('certifie') === 'oui', attempt: previous.attempt + 1 };
  if (form.get('certifie') !== 'oui') return { error: 'Cochez la case pour certifier que cette personne conduisait.', field: 'certifie', driver, attempt: previous.attempt + 1 };
  const outcome = await once(
    database(),
    { key: actionKeyOf(form), actor: persona.id, action: `amende:${noticeId}:designer`, classSessionId: persona.classSessionId },
    async (): Promise<Outcome | DesignationState> => {
      try {
        const sent = await designateDriver(database(), persona, noticeId, driver);
        return { path: `/citoyen/amendes#avis-${noticeId}`, flash: { text: `C’est fait : un nouvel avis est envoyé à ${sent.holderName}. Vous n’avez plus rien à payer pour celui-ci.`, tone: 'succes' } };
      } catch (error) {
        if (error instanceof CaseError && (error.code === 'conducteur' || error.code === 'delai_depasse')) return { error: error.message, field: 'conducteur', driver, certified: true, attempt: previous.attempt + 1 };
        if (error instanceof CaseError) return { path: `/citoyen/amendes#avis-${noticeId}`, flash: { text: error.message, tone: 'erreur' } };
        throw error;
      }
    },
    { settled: (o) => 'path' in o },
  );
  if ('path' in outcome) return finish(outcome);
  return outcome;
}
