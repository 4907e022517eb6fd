import type { AgencyId } from '../../db/schema';
import { agencyData } from '../../db/seed/reference-data';
import { dataItems, purposes, type Purpose } from './catalogue';
import { elided, lowerFirst } from '../format';

// The words of a consent: the screen shows them and the consent row keeps them (provable consent).
// Change the text → change the version.

export const consentTextVersion = 'accord-v1';

export const agencyName = (id: AgencyId) => agencyData.find((a) => a.id === id)?.name ?? id;
export const agencyShortName = (id: AgencyId) => agencyData.find((a) => a.id === id)?.shortName ?? id;
export const itemLabel = (id: string) => dataItems.find((d) => d.id === id)?.libelle ?? id;
export const purposeLabel = (id: string) => purposes[id as Purpose] ?? id;

export function consentText(consumer: AgencyId, provider: AgencyId, items: string[], purpose: string, days: number): string {
  const what = items.map((item) => `« ${itemLabel(item)} »`).join(', ');
  return (
    `J’accepte ${elided('que', agencyName(provider))} transmette ${what} à ${agencyName(consumer)}, ` +
    `par l’État plateforme, pour : ${lowerFirst(purposeLabel(purpose))}. ` +
    `Cet accord vaut ${days} jours ; je peux le retirer à tout moment dans « Mes données ».`
  );
}
