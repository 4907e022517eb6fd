import type { Page } from '@playwright/test';
import { communeData } from '../db/seed/reference-data';

// The French a careful editor would not let through, read from a page's text as the reader gets it (issue 17's layout
// test reads every page with it; other tests read the pages only they reach, as the debrief of a séance with data).

/** Names that keep their capitals in prose (the seed's communes, the services, the acronyms; not in an address like x@caf.…). */
const properNames = ['BTS', 'France Services', 'FranceConnect', 'ProConnect', 'Aidants Connect', 'DGFiP', 'CAF', 'CPAM', 'SIV', 'France Travail', ...communeData.map((c) => c.name)];

/** What the page says that a careful French editor would not let through; empty when all is well. */
export async function frenchProblems(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      // Code and machine text (hashes, HTTP traces, tokens) are not prose.
      acceptNode: (n) => (n.parentElement?.closest('script, style, code, pre, textarea, .hash') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    // Text runs of different blocks (a heading, then a paragraph) are apart on the screen: a line break between them.
    const blockOf = (n: Node) => {
      let el = n.parentElement;
      while (el && el !== document.body && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
      return el;
    };
    let block: Element | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const mine = blockOf(n);
      if (mine !== block) parts.push('\n');
      block = mine;
      parts.push(n.nodeValue ?? '');
    }
    return parts.join('');
  });
  const around = (i: number) => text.slice(Math.max(0, i - 30), i + 10).replace(/\s+/g, ' ');
  const problems: string[] = [];
  for (const m of text.matchAll(/\((?:s|e|es|x)\)/g)) problems.push(`pluriel « ${m[0]} » : …${around(m.index)}…`);
  for (const m of text.matchAll(/ [:;?!»]/g)) problems.push(`espace sécable avant « ${m[0].trim()} » : …${around(m.index)}…`);
  for (const m of text.matchAll(/« /g)) problems.push(`espace sécable après « : …${around(m.index)}…`);
  for (const m of text.matchAll(/\u00a0[;?!]/g)) problems.push(`espace large avant « ${m[0].trim()} » (fine attendue) : …${around(m.index)}…`);
  // A sign glued to the next word: a space JSX dropped at a line's end (« personnes ;1 justificatif »).
  for (const m of text.matchAll(/[;?!][\p{L}\p{N}]/gu)) problems.push(`pas d’espace après « ${m[0][0]} » : …${around(m.index)}…`);
  // Amounts: « 1 200 € » (thousands apart, the sign held to its number), never « 1200 € » nor « 12 € » on two lines.
  for (const m of text.matchAll(/(?<![\d\u202f\u00a0])\d{4,}[\s]?€/g)) problems.push(`montant sans espace des milliers : …${around(m.index)}…`);
  for (const m of text.matchAll(/\d[ \t\n]€/g)) problems.push(`espace sécable avant « € » : …${around(m.index)}…`);
  // French counts 0 and 1 in the singular: « 0 ligne », « 1 demande » (words that end in s anyway aside).
  for (const m of text.matchAll(/(?<![\d,.\u202f])[01][\s](?!(?:fois|mois|ms|sous|dans|sur|pas|plus|avis|accès|cas|prix|temps|après|puis|vers|refus)(?!\p{L}))\p{Ll}+s(?!\p{L})/gu)) problems.push(`pluriel après 0 ou 1 « ${m[0]} » : …${around(m.index)}…`);
  // A date takes its article: « le 8 décembre », « vers le 8 décembre », never « à 8 décembre » (a date formatted after « à »).
  const months = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
  for (const m of text.matchAll(new RegExp(`(?<!\\p{L})(?:à|vers|dès|depuis|jusqu’à|avant|après)\\s\\d{1,2}(?:er)?\\s(?:${months})`, 'gu'))) problems.push(`date sans « le » : …${around(m.index)}…`);
  for (const m of text.matchAll(new RegExp(`(?<![\\d,.])1\\s(?:${months})`, 'gu'))) problems.push(`« 1er » attendu : …${around(m.index)}…`);
  // « de » before a vowel is elided: « d’octobre », « d’Inès ».
  for (const m of text.matchAll(/(?<![\p{L}])[Dd]e (?=[aeiouyàâéèêëîïôœ])/gu)) problems.push(`« de » non élidé : …${around(m.index)}…`);
  for (const name of properNames) {
    const lower = name.toLocaleLowerCase('fr-FR');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}@._/-])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}@._-])`, 'gu'))) problems.push(`« ${name} » en minuscules : …${around(m.index)}…`);
  }
  return problems;
}
