'use server';

import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { actionKeyOf, once } from '@/lib/action-keys';
import { finish, type Outcome } from '@/lib/flash';
import { formatEuros } from '@/lib/format';
import type { CardInput } from '@/lib/payments/card';
import { CaseError } from '@/lib/procedures/engine/cases';
import { payNotice, PaymentError } from '@/lib/procedures/fines/notices';

export type PaymentState = { errors: Partial<Record<keyof CardInput, string>>; values: Omit<CardInput, 'numero' | 'cryptogramme'>; attempt: number };

const field = (form: FormData, name: string, max = 40) => String(form.get(name) ?? '').slice(0, max);

/** Pays a notice with the simulated card, once whatever the clicks; errors come back beside their field. */
export async function payNoticeAction(noticeId: string, previous: PaymentState, form: FormData): Promise<PaymentState> {
  const persona = await requireCitizen();
  const card: CardInput = { numero: field(form, 'numero'), expiration: field(form, 'expiration', 10), cryptogramme: field(form, 'cryptogramme', 10), titulaire: field(form, 'titulaire', 200) };
  const back = `/citoyen/amendes#avis-${noticeId}`;
  const outcome = await once(
    database(),
    { key: actionKeyOf(form), actor: persona.id, action: `amende:${noticeId}:payer`, classSessionId: persona.classSessionId },
    async (): Promise<Outcome | PaymentState> => {
      try {
        const { notice } = await payNotice(database(), persona, noticeId, card);
        return { path: back, flash: { text: `Paiement accepté : ${formatEuros(notice.paidCents ?? 0)}. La quittance est dans votre coffre-fort.`, tone: 'succes' } };
      } catch (error) {
        if (error instanceof PaymentError) return { errors: error.errors, values: { expiration: card.expiration, titulaire: card.titulaire }, attempt: previous.attempt + 1 };
        // Already paid (another tab, back then again): the notice as it stands, with why.
        if (error instanceof CaseError) return { path: back, flash: { text: error.message, tone: error.code === 'deja_payee' ? 'succes' : 'erreur' } };
        throw error;
      }
    },
    { settled: (o) => 'path' in o },
  );
  if ('path' in outcome) return finish(outcome);
  return outcome;
}
