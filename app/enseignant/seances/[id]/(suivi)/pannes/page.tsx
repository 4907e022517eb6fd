import type { Metadata } from 'next';
import { FaultPanel } from '../../../../fault-panel';
import { teacherSession } from '../../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Pannes simulées — espace enseignant' };

/** Fault injection: what is broken now, and a form to make a body unavailable, slow or erratic for a while. */
export default async function FaultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { session } = await teacherSession((await params).id);
  const q = await searchParams;
  return (
    <>
      <SessionBar session={session} current="/pannes" />
      <h1>Pannes simulées</h1>
      <FlashNotice />
      <FaultPanel
        classSessionId={session.id}
        values={{ organisme: q.organisme, type: q.type, minutes: q.minutes, latence: q.latence, taux: q.taux }}
        errors={{ organisme: q['erreur-organisme'], type: q['erreur-type'], minutes: q['erreur-minutes'], latence: q['erreur-latence'], taux: q['erreur-taux'] }}
      />
    </>
  );
}
