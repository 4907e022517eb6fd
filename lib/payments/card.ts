// The simulated payment page's checks (for every procedure that takes a payment: a fine, a timbre fiscal…). No real
// card data: only the published test number is accepted, and nothing of it is kept but its last four digits.

/** The one card number the simulation accepts (it says so on the page). */
export const testCardNumber = '4970 1000 0000 0003';

export type CardInput = { numero: string; expiration: string; cryptogramme: string; titulaire: string };
export type CardCheck = { ok: true; last4: string } | { ok: false; errors: Partial<Record<keyof CardInput, string>> };

const digits = (s: string) => s.replace(/[\s\u00a0\u202f-]/g, '');

/** Checks the form as a bank's page would, each error beside its field; `now` decides whether the card has expired. */
export function checkTestCard(input: CardInput, now = new Date()): CardCheck {
  const errors: Partial<Record<keyof CardInput, string>> = {};
  const number = digits(input.numero);
  if (!number) errors.numero = 'Indiquez le numéro de la carte.';
  else if (!/^\d{16}$/.test(number)) errors.numero = 'Le numéro de carte a 16 chiffres.';
  else if (number !== digits(testCardNumber)) errors.numero = `Dans cette simulation, utilisez la carte de test ${testCardNumber} : aucune vraie carte n’est acceptée.`;
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(input.expiration.trim());
  if (!input.expiration.trim()) errors.expiration = 'Indiquez la date d’expiration (MM/AA).';
  else if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12) errors.expiration = 'Écrivez la date d’expiration sous la forme MM/AA, par exemple 08/29.';
  else {
    const lastDay = new Date(Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1));
    if (lastDay.getTime() <= now.getTime()) errors.expiration = 'Cette carte a expiré.';
  }
  if (!/^\d{3}$/.test(input.cryptogramme.trim())) errors.cryptogramme = 'Le cryptogramme a 3 chiffres (au dos de la carte).';
  if (!input.titulaire.trim()) errors.titulaire = 'Indiquez le nom inscrit sur la carte.';
  else if (input.titulaire.length > 100) errors.titulaire = 'Le nom ne peut dépasser 100 caractères.';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, last4: number.slice(-4) };
}
