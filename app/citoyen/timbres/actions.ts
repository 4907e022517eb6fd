'use server';

import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { actionKeyOf, once } from '@/lib/action-keys';
import { finish, type Outcome } from '@/lib/flash';
import type { CardInput } from '@/lib/payments/card';
import { buyStamp, formatStampNumber, StampError } from '@/lib/payments/fiscal-stamps';

export type StampState = { errors: Partial<Record<keyof CardInput | 'timbre', string>>; values: { expiration: string; titulaire: string; timbre: string }; attempt: number };

const field = (form: FormData, name: string, max = 40) => String(form.get(name) ?? '').slice(0, max);

/** Buys a stamp with the simulated card, once whatever the clicks; errors come back beside their field. */
export async function buyStampAction(previous: StampState, form: FormData): Promise<StampState> {
  const persona = await requireCitizen();
  const card: CardInput = { numero: field(form, 'numero'), expiration: field(form, 'expiration', 10), cryptogramme: field(form, 'cryptogramme', 10), titulaire: field(form, 'titulaire', 200) };
  const kind = field(form, 'timbre');
  const outcome = await once(
    database(),
    { key: actionKeyOf(form), actor: persona.id, action: 'timbre-fiscal', classSessionId: persona.classSessionId },
    async (): Promise<Outcome | StampState> => {
      try {
        const stamp = await buyStamp(database(), persona, kind, card);
        return { path: '/citoyen/timbres', flash: { text: `Timbre acheté. Son numéro, à recopier dans votre pré-demande : ${formatStampNumber(stamp.number)}.`, emphasis: formatStampNumber(stamp.number), tone: 'succes' } };
      } catch (error) {
        if (error instanceof StampError) return { errors: error.errors, values: { expiration: card.expiration, titulaire: card.titulaire, timbre: kind }, attempt: previous.attempt + 1 };
        throw error;
      }
    },
    { settled: (o) => 'path' in o },
  );
  if ('path' in outcome) return finish(outcome);
  return outcome;
}
