import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { Observatory } from '@/app/_components/observatory';
import { sessionOfReader } from '@/lib/classroom/reader-session';
import { observatory } from '@/lib/opinions';

export const metadata: Metadata = { title: 'Observatoire des démarches' };

/** The séance's observatory, readable by the whole class: whoever plays a role in it, or joined it on this device. */
export default async function ObservatoryPage({ searchParams }: { searchParams: Promise<{ seance?: string }> }) {
  const requested = (await searchParams).seance;
  const session = await sessionOfReader(requested);
  // The teacher names the séance; a student's is theirs.
  const suffix = requested && session ? `?seance=${session.id}` : '';
  return (
    <>
      <p>
        <Link href="/seance">Retour à ma séance</Link>
      </p>
      <h1>Observatoire des démarches</h1>
      <p className="lead">
        Après chaque démarche terminée, la personne peut donner son avis (« Je donne mon avis »). Comme l’observatoire de la qualité des
        démarches en ligne de l’État, cette page rassemble ces avis et dit, pour chaque démarche, si elle se fait en ligne, si elle est
        accessible et si l’on peut s’y connecter avec FranceConnect.
      </p>
      {session ? (
        <>
          <Observatory lines={await observatory(database(), session.id)} />
          <p>
            <Link href={`/seance/donnees-ouvertes${suffix}`}>Les données ouvertes de la séance</Link> : ses chiffres, à télécharger.
          </p>
        </>
      ) : (
        <p>
          Rejoignez d’abord une séance : <Link href="/rejoindre">rejoindre avec le code donné par l’enseignant·e</Link>.
        </p>
      )}
    </>
  );
}
