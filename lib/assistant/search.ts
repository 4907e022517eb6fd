import MiniSearch, { type SearchResult } from 'minisearch';
import { stemmer } from '@orama/stemmers/french';
import { stopwords } from '@orama/stopwords/french';
import { corpus, type Passage } from './corpus';

// The assistant's search (issue 23): French full text over e-Guichet's own passages, on the server. Words are cut,
// stemmed (Snowball's French stemmer), accents folded and small words dropped, in the passages and in the question
// alike; a word mistyped by a letter or two still matches (fuzzy). No model, nothing sent anywhere.

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '');
/** Words that carry no subject in a question ("comment faire pour…", "est-ce que je peux…", "j’ai combien de…"). */
const questionWords = ['comment', 'faire', 'fait', 'faut', 'dois', 'doit', 'peux', 'peut', 'veux', 'voudrais', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'pourquoi', 'combien', 'est', 'estce', 'bonjour', 'merci', 'svp', 'stp', 'moi', 'mon', 'ma', 'mes', 'ca', 'cela', 'ce', 'il', 'elle', 'on', 'avoir', 'etre', 'suis', 'ai', 'jai', 'sont', 'aller', 'vais', 'besoin', 'savoir', 'sais', 'chose', 'truc', 'mettre', 'mets', 'met', 'jusqu', 'jusque'];
const dropped = new Set([...stopwords, ...questionWords].map(fold));

/**
 * Words a student uses for what the texts call otherwise, by the stem of the student's word: the question also asks
 * for these (a word counts as found when one of its own finds it).
 */
const synonymsByWord: Record<string, string> = {
  amende: 'contravention',
  pv: 'contravention',
  temps: 'délai jours mois',
  quand: 'délai jours mois date',
  délai: 'jours mois',
  suivre: 'réexpédition',
  grise: 'immatriculation',
  cni: 'carte nationale identité',
  impôts: 'DGFiP fiscal',
  déménager: 'adresse emménagement',
  déménagement: 'adresse emménagement',
  mairie: 'ville',
  prix: 'coûte €',
  coût: 'prix €',
  payant: 'gratuite coûte',
  payer: 'gratuite coûte',
  gratuit: 'coûte payer',
  papier: 'formulaire',
  cada: 'commission accès documents administratifs',
};

/** The same, by stem (built once from the words above). */
const synonyms: Record<string, string> = Object.fromEntries(Object.entries(synonymsByWord).map(([word, more]) => [fold(stemmer(word)), more]));

/** A word of a text as the index knows it: its stem, and the word itself (a mistyped word is near its spelling, not its stem). */
type Word = { stem: string; surface: string };
function words(text: string): Word[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !dropped.has(fold(word)))
    .map((word) => ({ stem: fold(stemmer(word)), surface: fold(word) }));
}

/** The stems of a text's words (null words dropped). */
export function terms(text: string): string[] {
  return words(text).map((w) => w.stem);
}

const processTerm = (term: string) => {
  const out = words(term).flatMap((w) => (w.stem === w.surface ? [w.stem] : [w.stem, w.surface]));
  return out.length === 0 ? null : out.length === 1 ? out[0]! : out;
};

let index: Promise<{ search: MiniSearch<Passage>; passages: Map<string, Passage> }> | null = null;
function searchIndex() {
  index ??= corpus().then((passages) => {
    const search = new MiniSearch<Passage>({
      fields: ['title', 'text', 'source'],
      storeFields: [],
      tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u),
      processTerm,
      searchOptions: {
        boost: { title: 2, source: 0.5 },
        fuzzy: (term) => (term.length > 4 ? 0.25 : false),
        prefix: (term) => term.length > 5,
      },
    });
    search.addAll(passages);
    return { search, passages: new Map(passages.map((p) => [p.id, p])) };
  });
  return index;
}

export type Found = { passage: Passage; quote: string; score: number };

/**
 * The passage that answers the question, with the sentences of it that match best, or null when nothing does well
 * enough: the question's words must mostly be found in the passage (an off-topic question shares a word or none).
 */
export async function findAnswer(question: string): Promise<Found | null> {
  const asked = [...new Map(words(question).map((w) => [w.stem, w])).values()];
  if (asked.length === 0) return null;
  const wanted = asked.map((w) => [w, ...words(synonyms[w.stem] ?? '')]);
  const { search, passages } = await searchIndex();
  // The first passages by score (BM25), then the one that has the most of the question's words: a passage that
  // repeats one word must not pass one that has them all.
  const groupsFound = (r: SearchResult) => wanted.filter((group) => group.some((w) => r.queryTerms.includes(w.stem) || r.queryTerms.includes(w.surface))).length;
  const [best] = search
    .search(wanted.flat().map((w) => w.surface).join(' '))
    .slice(0, 8)
    .map((r) => ({ r, found: groupsFound(r) }))
    .sort((a, b) => b.found - a.found || b.r.score - a.r.score);
  if (!best) return null;
  // Most of the question's words must be in the passage (themselves or a synonym, spelled, stemmed or nearly), and one
  // at least as it is (spelled or stemmed): an off-topic question shares a near spelling or a synonym at most.
  const inPassage = new Set(Object.keys(best.r.match));
  const exact = asked.filter((w) => inPassage.has(w.stem) || inPassage.has(w.surface)).length;
  if (best.found < Math.ceil(asked.length * 0.6) || exact === 0) return null;
  const passage = passages.get(String(best.r.id))!;
  return { passage, quote: quoteOf(passage.text, best.r.terms), score: best.r.score };
}

/** The one or two sentences of the passage that hold most of the matched words (the passage itself when short). */
function quoteOf(text: string, matched: string[]): string {
  if (text.length <= 280) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  const wanted = new Set(matched);
  const scores = sentences.map((s) => new Set(terms(s).filter((t) => wanted.has(t))).size);
  let at = scores.indexOf(Math.max(...scores));
  const quote = [sentences[at]!];
  if (quote[0]!.length < 140 && sentences[at + 1]) quote.push(sentences[++at]!);
  return quote.join(' ');
}
