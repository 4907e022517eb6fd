import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AsyncExecutor } from '../db/engine';
import { prepared } from '../db/prepared';
import { type DigitalProfile } from '../db/schema';
import { userPreferences } from '../db/tables';

// Display preferences (issue 8): text size, contrast, spacing, motion, simplified mode, read-aloud.

export const textSizes = ['100', '125', '150', '175', '200'] as const;

export const preferencesSchema = z.object({
  taille: z.enum(textSizes).catch('100'),
  contraste: z.boolean().catch(false),
  espacement: z.boolean().catch(false),
  mouvement: z.boolean().catch(false),
  simplifie: z.boolean().catch(false),
  lecture: z.boolean().catch(false),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = preferencesSchema.parse({});

/** A persona who reads with difficulty starts in simplified mode with read-aloud; one with low vision, in large text. */
export function defaultsFor(profile: DigitalProfile | null): Preferences {
  if (profile === 'lecture_difficile') return { ...defaultPreferences, simplifie: true, lecture: true };
  if (profile === 'deficience_visuelle') return { ...defaultPreferences, taille: '150', contraste: true, lecture: true };
  return defaultPreferences;
}

/** The cookie's compact form: `taille=150&contraste=1…` (only what differs from the defaults). */
export function encodePreferences(p: Preferences): string {
  const q = new URLSearchParams();
  if (p.taille !== '100') q.set('taille', p.taille);
  for (const key of ['contraste', 'espacement', 'mouvement', 'simplifie', 'lecture'] as const) if (p[key]) q.set(key, '1');
  return q.toString() || 'defaut';
}

export function decodePreferences(raw: string): Preferences {
  const q = new URLSearchParams(raw);
  return preferencesSchema.parse({
    taille: q.get('taille') ?? '100',
    contraste: q.get('contraste') === '1',
    espacement: q.get('espacement') === '1',
    mouvement: q.get('mouvement') === '1',
    simplifie: q.get('simplifie') === '1',
    lecture: q.get('lecture') === '1',
  });
}

/** From the panel's form: checkboxes are present when ticked. */
export function preferencesFromForm(form: FormData): Preferences {
  const on = (k: string) => form.get(k) === 'on';
  return preferencesSchema.parse({ taille: String(form.get('taille') ?? '100'), contraste: on('contraste'), espacement: on('espacement'), mouvement: on('mouvement'), simplifie: on('simplifie'), lecture: on('lecture') });
}

// Read on every signed-in page: built once (db/prepared.ts).
const preferencesOf = prepared((db) => db.select({ values: userPreferences.values }).from(userPreferences).where(eq(userPreferences.subject, sql.placeholder('subject'))));

export async function storedPreferences(db: AsyncExecutor, subject: string): Promise<Preferences | null> {
  const row = await preferencesOf(db).get({ subject });
  return row ? preferencesSchema.parse(row.values) : null;
}

export async function storePreferences(db: AsyncExecutor, subject: string, classSessionId: string | null, p: Preferences, now = new Date()): Promise<void> {
  await db.insert(userPreferences)
    .values({ subject, classSessionId, values: p, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.subject, set: { values: p, updatedAt: now } })
    .run();
}

/** The classes and attributes the root element carries: CSS does the rest (no script, no flash). */
export function htmlAttributes(p: Preferences): { className: string; 'data-taille': string } {
  const classes = (['contraste', 'espacement', 'mouvement', 'simplifie'] as const).filter((k) => p[k]).map((k) => `pref-${k}`);
  return { className: classes.join(' '), 'data-taille': p.taille };
}
