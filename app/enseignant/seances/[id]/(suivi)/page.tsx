import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { liveSnapshot } from '@/lib/classroom/live';
import { roleLabels } from '@/lib/classroom/roles';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { automateBodyAction } from '../../../actions';
import { LiveView } from '../live-view';
import { bodiesMap } from '@/lib/classroom/live-map';
import { teacherSession } from '../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { SessionBar } from './session-bar';

export const metadata: Metadata = { title: 'Séance en direct — espace enseignant' };

/** The cockpit: what the class is doing, on one screen (the controls live in the other tabs). */
export default async function TeacherSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const db = database();
  await runDueInstruction(db, session.id);
  const initial = await liveSnapshot(db, session);
  return (
    <>
      <SessionBar session={session} current="" />
      <FlashNotice />
      <LiveView
        title={session.name}
        classSessionId={session.id}
        initial={initial}
        map={bodiesMap(initial.bodies)}
        roleLabels={roleLabels}
        stateLabels={stateLabels}
        automate={automateBodyAction}
        legend={
          <ul className="live-map__legend">
            <li className="legend legend--accorde">✓ accordé</li>
            <li className="legend legend--refuse">✗ refusé</li>
            <li className="legend legend--echec">! en échec</li>
            <li className="legend legend--inconnu">? personne inconnue de l’organisme</li>
            <li>cadre épais : joué par un·e élève ; rouge : panne</li>
          </ul>
        }
        studentsLink={
          <p className="cockpit__more">
            <Link href={`/enseignant/seances/${session.id}/eleves`}>Changer un rôle ou révéler un indice</Link>
          </p>
        }
      />
    </>
  );
}
