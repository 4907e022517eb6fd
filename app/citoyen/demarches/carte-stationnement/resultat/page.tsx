import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ExchangeList } from '@/app/_components/exchange-list';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { readExchange } from '@/lib/platform/journal-view';
import { parkingDecisionFor } from '@/lib/procedures/parking-card/check';

export const metadata: Metadata = { title: 'Résultat de la vérification — carte de stationnement' };

const ids = z.object({ fiscal: z.uuid(), vehicules: z.uuid() });

export default async function ParkingResult({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const persona = await requireCitizen();
  const parsed = ids.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const db = getDb();
  const person = { id: persona.id, classSessionId: persona.classSessionId };
  const result = parkingDecisionFor(db, person, { fiscal: parsed.data.fiscal, vehicles: parsed.data.vehicules });
  if (!result) notFound();
  const reader = { kind: 'usager' as const, classSessionId: persona.classSessionId, personaId: persona.id };
  const rows = [parsed.data.fiscal, parsed.data.vehicules].map((id) => readExchange(db, reader, id)).filter((row) => row !== null);
  const { decision } = result;
  return (
    <>
      <p>
        <Link href="/citoyen/demarches/carte-stationnement">Retour à la démarche</Link>
      </p>
      <h1>Résultat de la vérification</h1>
      {decision.decision === 'accorde' ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>Vous remplissez les conditions</strong> pour la zone {decision.zone}, avec le véhicule{' '}
            {decision.immatriculation}.
          </p>
        </div>
      ) : (
        <div className="notice notice--error" role="status">
          <p>
            <strong>{decision.decision === 'refuse' ? 'Vous ne remplissez pas les conditions.' : 'La vérification n’a pas pu aboutir.'}</strong>{' '}
            {decision.motif}
          </p>
          <p>Que faire : {decision.solution}</p>
        </div>
      )}
      <h2>Ce que la ville a demandé, et ce qu’elle a reçu</h2>
      <ExchangeList rows={rows} />
      <p>
        <Link href="/citoyen/mes-donnees">Voir tous les échanges à mon sujet et mes accords dans « Mes données »</Link>
      </p>
    </>
  );
}
