import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { requireCitizen } from '@/lib/auth/guards';
import { procedureById } from '@/lib/procedures/registry';
import { OfflineRoutes } from '@/app/_components/offline-routes';

export const metadata: Metadata = { title: 'Faire sa démarche sans Internet' };

/** Where a citizen action sends a persona who cannot go online alone. */
export default async function WithoutInternet({ searchParams }: { searchParams: Promise<{ demarche?: string }> }) {
  const persona = await requireCitizen();
  const def = procedureById((await searchParams).demarche ?? '') ?? procedureById('acte-naissance')!;
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>Faire sa démarche sans Internet</h1>
      <OfflineRoutes persona={persona} procedure={def.id} title={def.title} />
    </>
  );
}
