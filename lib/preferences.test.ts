import { describe, expect, it } from 'vitest';
import { freshDb } from '../test/db';
import { decodePreferences, defaultPreferences, defaultsFor, encodePreferences, htmlAttributes, storePreferences, storedPreferences } from './preferences';

describe('display preferences', () => {
  it('round-trip through the cookie’s compact form, and ignore what they do not know', () => {
    const p = { taille: '175' as const, contraste: true, espacement: false, mouvement: true, simplifie: true, lecture: false };
    expect(encodePreferences(p)).toBe('taille=175&contraste=1&mouvement=1&simplifie=1');
    expect(decodePreferences(encodePreferences(p))).toEqual(p);
    expect(encodePreferences(defaultPreferences)).toBe('defaut');
    expect(decodePreferences('taille=999&contraste=oui&<script>=1')).toEqual(defaultPreferences);
  });

  it('start in simplified mode with read-aloud for a persona who reads with difficulty', () => {
    expect(defaultsFor('lecture_difficile')).toMatchObject({ simplifie: true, lecture: true });
    expect(defaultsFor('deficience_visuelle')).toMatchObject({ taille: '150', contraste: true, lecture: true });
    expect(defaultsFor('autonome')).toEqual(defaultPreferences);
  });

  it('become classes on the root element', () => {
    expect(htmlAttributes({ ...defaultPreferences, taille: '200', contraste: true, simplifie: true })).toEqual({ className: 'pref-contraste pref-simplifie', 'data-taille': '200' });
  });

  it('are remembered per user', async () => {
    const db = await freshDb();
    expect(await storedPreferences(db, 'someone')).toBeNull();
    await storePreferences(db, 'someone', null, { ...defaultPreferences, taille: '125' });
    await storePreferences(db, 'someone', null, { ...defaultPreferences, taille: '150' });
    expect((await storedPreferences(db, 'someone'))?.taille).toBe('150');
  });
});
