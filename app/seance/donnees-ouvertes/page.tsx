import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { sessionOfReader } from '@/lib/classroom/reader-session';
import { countOf, formatNumber } from '@/lib/format';
import { openDataRows, openDataSchema, smallestCount } from '@/lib/open-data';

export const metadata: Metadata = { title: 'Données ouvertes de la séance' };

/** What open data is, what this séance publishes, and what was removed to protect the people of the class. */
export default async function OpenDataPage({ searchParams }: { searchParams: Promise<{ seance?: string }> }) {
  const requested = (await searchParams).seance;
  const session = await sessionOfReader(requested);
  const suffix = requested && session ? `?seance=${session.id}` : '';
  const rows = session ? await openDataRows(database(), session) : [];
  const hidden = rows.filter((r) => r.diffusion === 'secret_statistique').length;
  return (
    <>
      <p>
        <Link href="/seance">Retour à ma séance</Link>
      </p>
      <h1>Données ouvertes de la séance</h1>
      <p className="lead">
        Les collectivités et les administrations publient leurs données pour que chacun puisse les réutiliser : c’est l’open data (les
        données ouvertes). Elles publient des chiffres, jamais des informations sur une personne. Voici les chiffres de cette séance, publiés de
        la même façon.
      </p>

      <section aria-labelledby="retire">
        <h2 id="retire">Ce qui a été retiré pour protéger les personnes</h2>
        <ul>
          <li>Aucune ligne ne parle d’une personne : pas de nom, pas de pseudonyme, pas de numéro de dossier, seulement des totaux.</li>
          <li>
            Un total de moins de {smallestCount} n’est pas publié : dans une classe, on pourrait reconnaître la personne. La ligne reste, avec la mention
            « secret statistique » à la place du chiffre. Une durée médiane calculée sur moins de {smallestCount} demandes non plus.
          </li>
          <li>Les commentaires écrits dans « Je donne mon avis » ne sont pas publiés : on pourrait y reconnaître quelqu’un.</li>
        </ul>
      </section>

      {session ? (
        <section aria-labelledby="fichiers">
          <h2 id="fichiers">Les fichiers</h2>
          <ul>
            <li>
              <a href={`/seance/donnees-ouvertes/indicateurs.csv${suffix}`} download>
                Les indicateurs de la séance (CSV, {countOf(rows.length, 'ligne', 'lignes')} dont {formatNumber(hidden)} sous secret statistique)
              </a>
            </li>
            <li>
              <a href="/seance/donnees-ouvertes/schema.json">Le schéma qui décrit chaque colonne (Table Schema, JSON)</a> : un logiciel peut vérifier le
              fichier avec lui.
            </li>
          </ul>
        </section>
      ) : (
        <p>
          Rejoignez d’abord une séance : <Link href="/rejoindre">rejoindre avec le code donné par l’enseignant·e</Link>.
        </p>
      )}

      <section aria-labelledby="colonnes">
        <h2 id="colonnes">Les colonnes du fichier</h2>
        <dl>
          {openDataSchema.fields.map((f) => (
            <div key={f.name}>
              <dt>
                <code>{f.name}</code> — {f.title}
              </dt>
              <dd>{f.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
