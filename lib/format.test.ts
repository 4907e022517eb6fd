import { describe, expect, it } from 'vitest';
import { checkSources, fixSource } from '../scripts/typography';
import { countOf, elided, elidedDe, formatDate, formatDateTime, formatHour, formatIsoDate, formatNumber, formatSize, frenchSpacing, lowerFirst, upperFirst } from './format';

const nbsp = '\u00a0';
const thin = '\u202f';

describe('French typography', () => {
  it('puts a no-break space before : and inside « », a narrow one before ; ? !', () => {
    expect(frenchSpacing('Code : ABC ; ensuite ? Oui ! « Mes données »')).toBe(`Code${nbsp}: ABC${thin}; ensuite${thin}? Oui${thin}! «${nbsp}Mes données${nbsp}»`);
    // A wide no-break space typed before ; ? ! is narrowed; the one before : stays.
    expect(frenchSpacing(`Vraiment${nbsp}? Oui${nbsp}; non${nbsp}! Code${nbsp}: A`)).toBe(`Vraiment${thin}? Oui${thin}; non${thin}! Code${nbsp}: A`);
  });

  it('elides « de » before a vowel, not before a consonant or an h', () => {
    expect(['Inès', 'octobre', 'Éloïse', 'Yasmine', 'Karim', 'Hibou', 'août'].map(elidedDe)).toEqual(['d’Inès', 'd’octobre', 'd’Éloïse', 'd’Yasmine', 'de Karim', 'de Hibou', 'd’août']);
    expect([elided('que', 'Élodie Marchand'), elided('que', 'France Travail')]).toEqual(['qu’Élodie Marchand', 'que France Travail']);
  });

  it('holds an amount and its « € » together', () => {
    expect(frenchSpacing('1,50 € jusqu’à 3 pages, 3 € au-delà ; 1 200 €')).toBe(`1,50${nbsp}€ jusqu’à 3 pages, 3${nbsp}€ au-delà${thin}; 1 200${nbsp}€`);
  });

  it('leaves code alone: SQL placeholders, times, URLs and signs already spaced right', () => {
    expect(frenchSpacing('WHERE id = ? AND at > ?')).toBe('WHERE id = ? AND at > ?');
    expect(frenchSpacing('12:15 http://x/rejoindre?code=A')).toBe('12:15 http://x/rejoindre?code=A');
    const done = `Code${nbsp}: «${nbsp}x${nbsp}»`;
    expect(frenchSpacing(done)).toBe(done);
  });

  it('rewrites the prose of a source file and not its code', () => {
    const source = "const a = db.prepare('SELECT ? :x');\nconst t = `Pour : ${who} ?`;\nexport const P = () => <p className=\"a :b\">Bonjour : vous ?</p>;\n";
    const { text, findings } = fixSource('x.tsx', source);
    expect(findings).toHaveLength(3);
    expect(text).toContain("db.prepare('SELECT ? :x')");
    expect(text).toContain('className="a :b"');
    expect(text).toContain(`\`Pour${nbsp}: \${who}${thin}?\``);
    expect(text).toContain(`Bonjour${nbsp}: vous${thin}?`);
  });

  it('holds in every source file of the app (a text written with a plain space before « : » fails here)', () => {
    expect(checkSources().map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});

describe('French words', () => {
  it('writes the first of a month « 1er », and no other day', () => {
    expect([formatIsoDate('2027-03-01'), formatIsoDate('2027-03-11'), formatIsoDate('2027-03-21')]).toEqual(['1er mars 2027', '11 mars 2027', '21 mars 2027']);
    expect(formatDateTime(new Date('2027-01-01T10:00:00Z'))).toBe('1er janvier 2027 à 11:00');
    expect(formatDate(new Date('2027-01-01T10:00:00Z'))).toBe('1er janvier 2027');
  });

  it('writes an hour the French way, without a leading zero nor « 00 » minutes', () => {
    expect(['09:00', '11:30', '08:05', '14:00', '00:15'].map(formatHour)).toEqual(['9\u00a0h', '11\u00a0h\u00a030', '8\u00a0h\u00a005', '14\u00a0h', '0\u00a0h\u00a015']);
  });

  it('agrees a count with its noun, 0 and 1 singular, and prints thousands the French way', () => {
    expect(countOf(0, 'demande', 'demandes')).toBe(`0${nbsp}demande`);
    expect(countOf(1, 'demande', 'demandes')).toBe(`1${nbsp}demande`);
    expect(countOf(2, 'demande', 'demandes')).toBe(`2${nbsp}demandes`);
    expect(formatNumber(12345)).toBe(`12${thin}345`);
    expect(countOf(8850, 'entrée', 'entrées')).toBe(`8${thin}850${nbsp}entrées`);
  });

  it('raises the first letter at the start of a sentence', () => {
    expect(upperFirst('n’a encore rien fait')).toBe('N’a encore rien fait');
    expect(upperFirst('état civil')).toBe('État civil');
    expect(upperFirst('')).toBe('');
  });

  it('lowers the first letter of a label inside a sentence, never an acronym or a name', () => {
    expect(lowerFirst('Étudiante en BTS')).toBe('étudiante en BTS');
    expect(lowerFirst('Aidant·e France Services')).toBe('aidant·e France Services');
    expect(lowerFirst('DGFiP')).toBe('DGFiP');
    expect(lowerFirst('CAF de la Brenne')).toBe('CAF de la Brenne');
    expect(lowerFirst('Villeneuve-sur-Brenne')).toBe('Villeneuve-sur-Brenne');
    expect(lowerFirst('France Travail')).toBe('France Travail');
  });

  it('writes a file size as French screens do', () => {
    expect(formatSize(350 * 1024)).toBe(`350${nbsp}Ko`);
    expect(formatSize(1.25 * 1024 * 1024)).toMatch(new RegExp(`^1,[23]${nbsp}Mo$`));
    expect(formatSize(10 * 1024 * 1024)).toBe(`10${nbsp}Mo`);
  });
});
