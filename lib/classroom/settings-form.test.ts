import { describe, expect, it } from 'vitest';
import { settingsForm, settingsMessages } from './settings-form';

describe('the séance’s settings form', () => {
  const valid = { delai: '10', patience: '5', attente: '20', mois: '5' };

  it('takes whole numbers within their bounds, spaces around them aside', () => {
    expect(settingsForm.parse(valid)).toEqual({ delai: 10, patience: 5, attente: 20, mois: 5 });
    expect(settingsForm.parse({ delai: ' 0 ', patience: '120', attente: '240', mois: '60' })).toEqual({ delai: 0, patience: 120, attente: 240, mois: 60 });
    expect(settingsForm.parse({ delai: '3600', patience: '1', attente: '0', mois: '1' })).toEqual({ delai: 3600, patience: 1, attente: 0, mois: 1 });
  });

  it('refuses an empty field (never read as 0), a fraction, a sign, words and the bounds’ neighbours, each with its field’s one message', () => {
    for (const [field, value] of [['delai', ''], ['delai', '3601'], ['delai', '-1'], ['delai', '1.5'], ['patience', '0'], ['patience', '121'], ['attente', 'deux heures'], ['attente', '241'], ['attente', '1e2'], ['mois', '0'], ['mois', '61'], ['mois', '']] as const) {
      const result = settingsForm.safeParse({ ...valid, [field]: value });
      expect(result.success, `${field} = ${value}`).toBe(false);
      expect(new Set(result.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`))).toEqual(new Set([`${field}: ${settingsMessages[field]}`]));
    }
  });
});
