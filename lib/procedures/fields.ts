import type { RawValues } from './engine/types';

// Reading and checking form values, with French messages (one per field, next to it).

export const text = (values: RawValues | undefined, name: string): string => {
  const value = values?.[name];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
};
export const list = (values: RawValues | undefined, name: string): string[] => {
  const value = values?.[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

/** "14/03/2006" (or 14-03-2006, 14 03 2006) → "2006-03-14", or null. */
export function parseFrenchDate(input: string): string | null {
  const match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(input.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export const isoToFrench = (iso: string) => iso.split('-').reverse().join('/');

/** Collects errors field by field; `ok()` when none. */
export class Checks {
  readonly errors: Record<string, string> = {};
  require(name: string, value: string, message: string): boolean {
    if (!value) this.errors[name] = message;
    return Boolean(value);
  }
  fail(name: string, message: string): void {
    this.errors[name] ??= message;
  }
  result() {
    return Object.keys(this.errors).length === 0 ? ({ ok: true } as const) : ({ ok: false, errors: this.errors } as const);
  }
}
