import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../test/db';
import { personas } from '../../db/tables';
import { procedures } from './registry';
import { finesFalc } from './fines/falc';
import { identityFalc } from './identity-document/falc';

// FALC (facile à lire et à comprendre): every step of every procedure has its plain version, in short sentences.
describe('simplified texts', async () => {
  const db = await freshDb();
  const persona = (await db.select().from(personas).where(eq(personas.key, 'claire-rousseau')).get())!;
  for (const def of Object.values(procedures)) {
    for (const step of def.steps) {
      it(`${def.id} / ${step.id}: a title, short lines, a plain label for every question`, async () => {
        expect(step.falc.title).toMatch(/\S/);
        expect(step.falc.lines.length).toBeGreaterThan(0);
        for (const line of [step.falc.title, ...step.falc.lines]) {
          expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(15); // one idea per line
          expect(line.split(/[.!?]\s/).length, line).toBe(1); // one sentence
        }
        const fields = await step.fields({ db, persona, answers: {} });
        expect(Object.keys(step.falc.fields).sort()).toEqual(fields.map((f) => f.name).sort());
      });
    }
  }
});

describe('simplified texts of the fines’ and the identity document’s own pages', () => {
  for (const [page, lines] of Object.entries({ ...finesFalc, ...identityFalc })) {
    it(`${page}: short lines, one sentence each`, () => {
      for (const line of lines) {
        expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(15);
        expect(line.split(/[.!?]\s/).length, line).toBe(1);
      }
    });
  }
});
