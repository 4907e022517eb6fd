import type { Metadata } from 'next';
import Link from 'next/link';
import { database } from '@/db/engine';
import { Observatory } from '@/app/_components/observatory';
import { getViewer } from '@/lib/auth/guards';
import { currentDeviceHash } from '@/lib/classroom/device';
import { latestParticipation } from '@/lib/classroom/participants';
import { observatory } from '@/lib/opinions';

export const metadata: Metadata = { title: 'Observatoire des démarches' };

/** The séance's observatory, readable by the whole class: whoever plays a role in it, or joined it on this device. */
export default async function ObservatoryPage() {
  const viewer = await getViewer();
  const db = database();
  const fromViewer = viewer?.role === 'citoyen' ? viewer.persona.classSessionId : viewer?.role === 'agent' ? viewer.agent.classSessionId : viewer?.role === 'aidant' ? viewer.aidant.classSessionId : null;
  const device = fromViewer ? null : await currentDeviceHash();
  const sessionId = fromViewer ?? (device ? (await latestParticipation(db, device))?.session.id : null) ?? null;
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
      {sessionId ? (
        <Observatory lines={await observatory(db, sessionId)} />
      ) : (
        <p>
          Rejoignez d’abord une séance : <Link href="/rejoindre">rejoindre avec le code donné par l’enseignant·e</Link>.
        </p>
      )}
    </>
  );
}
