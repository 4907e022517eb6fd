'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import { CardFields } from '@/app/_components/card-fields';
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
      <CardFields errors={errors} values={state.values} testCard={testCard} />
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Paiement…' : `Payer ${amount}`}
      </button>
    </form>
  );
}
