import { z } from 'zod';
import { timeScaleBounds } from '../procedures/engine/time-scale';

// The séance's settings form ("Réglages"): its numbers, their bounds and their messages, shared by the action that
// checks them and the page that shows them (the address of a refused form names the fields in error, never a text).

export const settingsFields = ['delai', 'patience', 'attente', 'mois'] as const;
export type SettingsField = (typeof settingsFields)[number];

export const settingsMessages: Record<SettingsField, string> = {
  delai: 'Indiquez le délai en secondes : un nombre entier de 0 à 3600.',
  patience: 'Indiquez la patience en minutes : un nombre entier de 1 à 120.',
  attente: 'Indiquez l’attente au guichet en minutes : un nombre entier de 0 à 240.',
  mois: `Indiquez la durée d’un mois en minutes : un nombre entier de ${timeScaleBounds.min} à ${timeScaleBounds.max}.`,
};

/** A whole number from `min` to `max`, typed in a field; one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

export const settingsForm = z.object({
  delai: wholeNumber(0, 3600, settingsMessages.delai),
  patience: wholeNumber(1, 120, settingsMessages.patience),
  attente: wholeNumber(0, 240, settingsMessages.attente),
  mois: wholeNumber(timeScaleBounds.min, timeScaleBounds.max, settingsMessages.mois),
});
