import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import QRCode from 'qrcode';
import { database } from '@/db/engine';
import { participantsOfSession } from '@/lib/classroom/participants';
import { LiveRefresh } from '../../../../_components/live-refresh';
import { teacherSession } from '../session';
import { countOf } from '@/lib/format';

export const metadata: Metadata = { title: 'Code de la séance, à projeter' };

/** What the teacher projects: the code in large type, the address and a QR code; the count of students who joined. */
export default async function ProjectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { session, joinUrl } = await teacherSession((await params).id);
  const qr = await QRCode.toDataURL(joinUrl, { margin: 1, width: 360 });
  const joined = (await participantsOfSession(database(), session.id)).length;
  const host = new URL(joinUrl);
  return (
    <div className="projection">
      <LiveRefresh url={`/api/enseignant/seances/${session.id}/flux`} event="live" />
      <h1>Rejoignez la séance « {session.name} »</h1>
      <div className="projection__body">
        <ol className="projection__steps">
          <li>
            Ouvrez <strong>{host.host}/rejoindre</strong>
          </li>
          <li>
            Saisissez le code <strong className="projection__code">{session.joinCode.split('').join(' ')}</strong>
          </li>
          <li>Choisissez un pseudonyme (pas votre vrai nom)</li>
        </ol>
        <img src={qr} alt={`Code QR vers ${joinUrl}`} width={320} height={320} />
      </div>
      <p className="projection__count" role="status">
        {countOf(joined, 'élève a', 'élèves ont')} rejoint la séance.
      </p>
      <p>
        <Link href={`/enseignant/seances/${session.id}`}>Revenir au suivi de la séance</Link>
      </p>
    </div>
  );
}
