import type { ExchangeResult } from '../../db/schema';

/** An exchange's result in a few words, for the teacher's map, its feed and what a screen reader announces. */
export const resultWords: Record<ExchangeResult, string> = { accorde: 'accordé', refuse: 'refusé', inconnu: 'personne inconnue', echec: 'en échec' };
