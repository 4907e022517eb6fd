// French display formats shared by the pages.

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2006-03-14" → "14 mars 2006" */
export function formatIsoDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

// Dates and times as people in the class read them (Paris time, whatever the server's zone).
const longDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const longDateTimeSeconds = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Paris' });
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** "23 novembre 2026 à 12:15" */
export const formatDateTime = (date: Date) => longDateTime.format(date);
/** "23 novembre 2026 à 12:15:54", for histories and exchanges, where seconds tell the order apart. */
export const formatDateTimeSeconds = (date: Date) => longDateTimeSeconds.format(date);
/** "23 novembre 2026" */
export const formatDate = (date: Date) => longDate.format(date);
