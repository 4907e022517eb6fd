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

const frenchPlural = new Intl.PluralRules('fr-FR');
/** "1 demande", "2 demandes", "0 demande": French plural rules (0 and 1 are singular), the number in front. */
export const countOf = (n: number, one: string, many: string) => `${n} ${frenchPlural.select(n) === 'one' ? one : many}`;
/** The word alone, agreed with n: `agreed(n, 'attend', 'attendent')`. */
export const agreed = (n: number, one: string, many: string) => (frenchPlural.select(n) === 'one' ? one : many);

const parisParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
/** Paris local time with its offset, as a spreadsheet reads it: "2026-12-01 21:15:03 +01:00" (the screens show Paris time too). */
export function formatParisTimestamp(date: Date): string {
  const part = Object.fromEntries(parisParts.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${offset}`;
}
