import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { headers } from 'next/headers';
import { getViewer } from '@/lib/auth/guards';
import { textSizes } from '@/lib/preferences';
import { currentPreferences } from '@/lib/preferences-store';
import { savePreferencesAction } from './actions';
import { safeReturnPath } from './return-path';
import { FlashNotice } from '@/app/_components/flash-notice';

export const metadata: Metadata = { title: 'Affichage et accessibilité' };

const checks = [
  { name: 'contraste', label: 'Contraste renforcé', hint: 'Texte noir sur fond blanc, bordures et liens plus marqués.' },
  { name: 'espacement', label: 'Espacement pour faciliter la lecture', hint: 'Plus d’espace entre les lettres, les mots et les lignes (utile en cas de dyslexie).' },
  { name: 'mouvement', label: 'Réduire les animations', hint: 'Aucun mouvement à l’écran.' },
  { name: 'simplifie', label: 'Mode simplifié', hint: 'Des phrases courtes et des mots simples (textes inspirés du FALC), une question à la fois.' },
  { name: 'lecture', label: 'Lecture à voix haute', hint: 'Un bouton « Écouter la page » en haut de chaque page. Rien n’est envoyé sur Internet : c’est votre appareil qui lit.' },
] as const;

/** The preferences panel, reachable from every page (header link "Affichage"). */
export default async function PreferencesPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const q = await searchParams;
  const viewer = await getViewer();
  const prefs = await currentPreferences(viewer);
  // Where to go back to: the page the person came from (same site only).
  const referer = (await headers()).get('referer');
  const fromReferer = referer ? safeReturnPath(new URL(referer, 'http://x').pathname) : null;
  const back = safeReturnPath(q.retour) ?? fromReferer;
  return (
    <>
      <h1>Affichage et accessibilité</h1>
      <FlashNotice />
      {back && (
        <p>
          <Link href={back}>Revenir à la page précédente</Link>
        </p>
      )}
      <p className="lead">Réglez l’affichage pour lire plus facilement. Les réglages s’appliquent à toutes les pages.</p>
      <form action={savePreferencesAction}>
        {back && <input type="hidden" name="retour" value={back} />}
        <fieldset className="field">
          <legend>Taille du texte</legend>
          <div className="size-choices">
            {textSizes.map((size) => (
              <div key={size} className="radio">
                <input type="radio" id={`taille-${size}`} name="taille" value={size} defaultChecked={prefs.taille === size} />
                <label htmlFor={`taille-${size}`}>{size} %</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Confort de lecture</legend>
          {checks.map((c) => (
            <div key={c.name} className="radio">
              <input type="checkbox" id={`pref-${c.name}`} name={c.name} defaultChecked={prefs[c.name]} aria-describedby={`pref-${c.name}-aide`} />
              <label htmlFor={`pref-${c.name}`}>
                {c.label}
                <span className="hint" id={`pref-${c.name}-aide`}>
                  {c.hint}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <p className="actions">
          <button type="submit" className="button" name="action" value="enregistrer">
            Enregistrer mes préférences
          </button>
          <button type="submit" className="button button--secondary" name="action" value="defaut">
            Revenir aux réglages par défaut
          </button>
        </p>
      </form>
      <p>
        Votre navigateur permet aussi d’agrandir la page (touches Ctrl et +). <Link href="/accessibilite">Déclaration d’accessibilité</Link>
      </p>
    </>
  );
}
