'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import { TextField } from '@/app/_components/text-field';
import type { PaymentState } from './actions';

type Props = { actionKey: string; send: (state: PaymentState, form: FormData) => Promise<PaymentState>; amount: string; testCard: string };

/** The simulated bank page: four fields, each error beside its field and in a summary that takes the focus. */
export function PaymentForm({ actionKey, send, amount, testCard }: Props) {
  const [state, action, pending] = useActionState(send, { errors: {}, values: { expiration: '', titulaire: '' }, attempt: 0 });
  const errors = state.errors as Record<string, string>;
  return (
    <form action={action} noValidate>
      <ActionKeyField value={actionKey} />
      <ErrorSummary title="Le paiement n’est pas fait : vérifiez ces éléments" errors={errors} idPrefix="carte" version={state.attempt} />
      <TextField id="carte-numero" name="numero" label="Numéro de la carte" hint={`Carte de test : ${testCard}. Aucune vraie carte n’est acceptée.`} error={errors.numero} inputMode="numeric" autoComplete="off" />
      <TextField id="carte-expiration" name="expiration" label="Date d’expiration (MM/AA)" hint="Une date à venir, par exemple 08/29." error={errors.expiration} defaultValue={state.values.expiration} className="input--short" autoComplete="off" />
      <TextField id="carte-cryptogramme" name="cryptogramme" label="Cryptogramme" hint="Trois chiffres au choix." error={errors.cryptogramme} inputMode="numeric" className="input--short" autoComplete="off" />
      <TextField id="carte-titulaire" name="titulaire" label="Nom sur la carte" error={errors.titulaire} defaultValue={state.values.titulaire} autoComplete="off" />
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Paiement…' : `Payer ${amount}`}
      </button>
    </form>
  );
}
