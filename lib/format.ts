// French display formats shared by the pages.

// Each Intl formatter is built on first use: building them all when the module loads cost a phone about 30 ms of
// main thread before the page could answer (this module is in the browser's bundle too).
// Marked pure where called: a client bundle keeps only the formatters its components use.
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const dateFormat = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** French writes the first of a month « 1er » (« 1er mars »), which Intl does not. */
const firstOfMonth = (formatted: string) => (formatted.startsWith('1 ') ? `1er${formatted.slice(1)}` : formatted);

/** "2006-03-14" → "14 mars 2006"; "2027-03-01" → "1er mars 2027" */
export function formatIsoDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : firstOfMonth(dateFormat().format(date));
}

// Dates and times as people in the class read them (Paris time, whatever the server's zone).
const longDateTime = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }));
const longDateTimeSeconds = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Paris' }));
const longDate = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }));

/** "23 novembre 2026 à 12:15" */
export const formatDateTime = (date: Date) => firstOfMonth(longDateTime().format(date));
/** "23 novembre 2026 à 12:15:54", for histories and exchanges, where seconds tell the order apart. */
export const formatDateTimeSeconds = (date: Date) => firstOfMonth(longDateTimeSeconds().format(date));
const shortTime = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Europe/Paris' }));
/** "12:15:54", Paris time. */
export const formatTime = (date: Date) => shortTime().format(date);
const numericDate = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' }));
/** "08/12/2026", Paris day: as a form's date field asks for it. */
export const formatNumericDate = (date: Date) => numericDate().format(date);
/** "23 novembre 2026" */
export const formatDate = (date: Date) => firstOfMonth(longDate().format(date));

const frenchPlural = /* @__PURE__ */ lazy(() => new Intl.PluralRules('fr-FR'));
const frenchNumber = /* @__PURE__ */ lazy(() => new Intl.NumberFormat('fr-FR'));
/** "12 345": a narrow no-break space between thousands, as French prints numbers. */
export const formatNumber = (n: number) => frenchNumber().format(n);
/** A wall-clock time as French writes it: « 9 h », « 11 h 30 », « 8 h 05 » (from « 09:00 », « 11:30 », « 08:05 »). */
export function formatHour(hhmm: string): string {
  const [hours = '', minutes = '00'] = hhmm.split(':');
  return `${Number(hours)}\u00a0h${minutes === '00' ? '' : `\u00a0${minutes}`}`;
}
const oneDecimal = /* @__PURE__ */ lazy(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }));
/** "350 Ko", "1,2 Mo": a file's size as French screens write it. */
export const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0Ko` : `${oneDecimal().format(bytes / (1024 * 1024))}\u00a0Mo`);
const euros = /* @__PURE__ */ lazy(() => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }));
/** 216 → "2,16 €" (amounts are kept in cents). */
export const formatEuros = (cents: number) => euros().format(cents / 100);
/** 1200 → "1 200 €": an amount in euros as a form or a body's record holds it (formatEuros takes cents). */
export const formatEuroAmount = (amount: number) => `${formatNumber(amount)}\u00a0€`;
const vowelFirst = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
/** « de » or « que » before a name or a word, elided before a vowel: « d’Inès », « qu’Élodie », « de Karim ». An h stays (« de Hibou »). */
export const elided = (particle: 'de' | 'que', word: string) => (vowelFirst.test(word) ? `${particle.slice(0, -1)}’${word}` : `${particle} ${word}`);
/** « d’octobre », « de novembre ». */
export const elidedDe = (word: string) => elided('de', word);
/** "1 demande", "2 demandes", "0 demande": French plural rules (0 and 1 are singular), the number in front. */
export const countOf = (n: number, one: string, many: string) => `${formatNumber(n)}\u00a0${frenchPlural().select(n) === 'one' ? one : many}`;
/** The word alone, agreed with n: `agreed(n, 'attend', 'attendent')`. */
export const agreed = (n: number, one: string, many: string) => (frenchPlural().select(n) === 'one' ? one : many);
const frenchList = /* @__PURE__ */ lazy(() => new Intl.ListFormat('fr-FR', { type: 'conjunction' }));
/** ["le SIV", "la CAF", "la mairie"] → "le SIV, la CAF et la mairie" */
export const formatList = (items: string[]) => frenchList().format(items);

const parisParts = /* @__PURE__ */ lazy(() => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' }));
/** Paris local time with its offset, as a spreadsheet reads it: "2026-12-01 21:15:03 +01:00" (the screens show Paris time too). */
export function formatParisTimestamp(date: Date): string {
  const part = Object.fromEntries(parisParts().formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${offset}`;
}

// French typography: a no-break space before « : » and inside « », a narrow one before ; ? ! (a wide one there is
// narrowed), so that no sign is left alone at the start of a line; a no-break space between an amount and « € ». The same rule rewrites the sources
// (scripts/typography.ts) and dynamic text.
const spaceBefore = /(?<=^|[\p{L}\p{N})\]»”’%…*.}\u00a0\u202f]) ([:;?!»])/gu;
const spaceAfterQuote = /« /g;
const spaceBeforeEuro = /(?<=\d) (?=€)/g;
const wideBeforeSign = /\u00a0(?=[;?!])/g;
const noBreak = (sign: string) => (sign === ':' || sign === '»' ? '\u00a0' : '\u202f');

/** "Code : ABC ?" → "Code : ABC ?" with the right no-break spaces (text that is not ours: seeds, messages). */
export function frenchSpacing(text: string): string {
  return text.replace(spaceBefore, (_, sign: string) => `${noBreak(sign)}${sign}`).replace(spaceAfterQuote, '«\u00a0').replace(spaceBeforeEuro, '\u00a0').replace(wideBeforeSign, '\u202f');
}

/** The start of a sentence: "n’a encore rien fait" → "N’a encore rien fait". */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/**
 * A label inside a sentence: "Étudiante en BTS" → "étudiante en BTS". Only the first letter changes, and not in an
 * acronym or a name ("DGFiP", "France Services" stay as they are).
 */
export function lowerFirst(text: string): string {
  const first = /^\p{L}[\p{L}·'’-]*/u.exec(text)?.[0] ?? '';
  const isAcronymOrName = first.length > 1 && (first === first.toUpperCase() || /\p{Lu}/u.test(first.slice(1)));
  return isAcronymOrName || properNames.has(first) ? text : text.charAt(0).toLocaleLowerCase('fr-FR') + text.slice(1);
}
// Words that stay capitalised at the start of a label (names of places and services).
const properNames = new Set(['France', 'Paris', 'État']);
