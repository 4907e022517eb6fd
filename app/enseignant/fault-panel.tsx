import { agencyIds, faultKinds } from '@/db/schema';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import { database } from '@/db/engine';
import { agencyShortName } from '@/lib/platform/consent-text';
import { faultLabels, faultsInForce } from '@/lib/platform/faults-view';
import { ErrorSummary } from '../_components/error-summary';
import { TextField } from '../_components/text-field';
import { endFaultsAction, injectFaultAction } from './actions';

type Values = Partial<Record<'organisme' | 'type' | 'minutes' | 'latence' | 'taux', string>>;
type Errors = Partial<Record<keyof Values, string>>;

const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

/** Fault injection for one séance: what is broken now, and a form to break a body for a while. */
export async function FaultPanel({ classSessionId, values, errors }: { classSessionId: string; values: Values; errors: Errors }) {
  const faults = await faultsInForce(database(), classSessionId);
  const errorList = Object.entries(errors).filter(([, message]) => message) as [keyof Values, string][];
  const field = (name: keyof Values) => ({
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': [errors[name] && `panne-${name}-erreur`, `panne-${name}-aide`].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: keyof Values) =>
    errors[name] ? (
      <p className="field__error" id={`panne-${name}-erreur`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <>
      <h2>En ce moment</h2>
      {faults.length === 0 ? (
        <p>Tous les organismes répondent normalement.</p>
      ) : (
        <ul>
          {faults.map((f) => (
            <li key={f.id}>
              <strong>{agencyShortName(f.agency)}</strong> — {faultLabels[f.kind]}
              {f.kind === 'lenteur' ? ` (${f.latencyMs / 1000} s)` : ''}
              {f.kind === 'erratique' ? ` (${Math.round(f.failureRate * 100)} % d’échecs)` : ''}, jusqu’à {time.format(f.endsAt)}.{' '}
              <form action={endFaultsAction} className="inline-form">
                <input type="hidden" name="seance" value={classSessionId} />
                <input type="hidden" name="organisme" value={f.agency} />
                <SubmitButton className="button button--secondary">
                  Rétablir {agencyShortName(f.agency)}
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={injectFaultAction} noValidate className="surface">
        <ActionKeyField value={newActionKey()} />
        <h2>Provoquer une panne</h2>
        <ErrorSummary title="La panne n’a pas été lancée" errors={Object.fromEntries(errorList)} idPrefix="panne" />
        <input type="hidden" name="seance" value={classSessionId} />
        <div className={`field${errors.organisme ? ' field--error' : ''}`}>
          <label htmlFor="panne-organisme">Organisme</label>
          <span className="hint" id="panne-organisme-aide">
            Celui qui détient les données.
          </span>
          {error('organisme')}
          <select id="panne-organisme" name="organisme" defaultValue={values.organisme ?? ''} {...field('organisme')}>
            <option value="">Choisir…</option>
            {agencyIds.map((id) => (
              <option key={id} value={id}>
                {agencyShortName(id)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors.type ? ' field--error' : ''}`}>
          <label htmlFor="panne-type">Type de panne</label>
          <span className="hint" id="panne-type-aide">
            Au-delà de 4 secondes de retard, la plateforme abandonne (erreur « délai dépassé »).
          </span>
          {error('type')}
          <select id="panne-type" name="type" defaultValue={values.type ?? 'panne'} {...field('type')}>
            {faultKinds.map((kind) => (
              <option key={kind} value={kind}>
                {faultLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        {(
          [
            ['minutes', 'Durée (minutes)', 'De 1 à 120.', '10'],
            ['latence', 'Retard, pour une lenteur (secondes)', 'De 1 à 30.', '8'],
            ['taux', 'Part des demandes qui échouent, si erratique (%)', 'De 1 à 100.', '50'],
          ] as const
        ).map(([name, label, hint, fallback]) => (
          <TextField key={name} id={`panne-${name}`} name={name} label={label} hint={hint} error={errors[name]} inputMode="numeric" defaultValue={values[name] ?? fallback} />
        ))}
        <SubmitButton>
          Lancer la panne
        </SubmitButton>
      </form>
    </>
  );
}
