import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { requireCitizen } from '@/lib/auth/guards';
import { procedureById } from '@/lib/procedures/registry';
import { EnVrai } from '@/app/_components/en-vrai';
import { startCaseAction } from '../../dossiers/actions';
import { OfflineRoutes } from '@/app/_components/offline-routes';
import { cannotGoOnlineAlone } from '@/lib/procedures/citizen';

type Params = { params: Promise<{ procedure: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const def = procedureById((await params).procedure);
  return { title: def?.title ?? 'Démarche' };
}

export default async function ProcedureStart({ params }: Params) {
  const persona = await requireCitizen();
  const def = procedureById((await params).procedure);
  if (!def || def.steps.length === 0) notFound();
  const drafts = getDb()
    .select()
    .from(cases)
    .where(and(eq(cases.personaId, persona.id), eq(cases.procedure, def.id), eq(cases.state, 'brouillon')))
    .all();
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>{def.title}</h1>
      <p className="lead">{def.description}</p>
      <p>
        Il y a {def.steps.length} étapes courtes. Vos réponses sont enregistrées au fur et à mesure : vous pouvez vous arrêter et
        revenir plus tard.
      </p>
      {cannotGoOnlineAlone(persona) ? (
        <OfflineRoutes persona={persona} procedure={def.id} title={def.title} />
      ) : (
        <>
      {drafts.length > 0 && (
        <div className="notice" role="status">
          <p>Vous avez déjà commencé cette démarche.</p>
          <p>
            <Link href={`/citoyen/dossiers/${drafts[0]!.id}`}>Reprendre ma demande commencée</Link>
          </p>
        </div>
      )}
      <form action={startCaseAction}>
        <input type="hidden" name="demarche" value={def.id} />
        <button type="submit" className="button">
          {drafts.length > 0 ? 'Commencer une nouvelle demande' : 'Commencer la démarche'}
        </button>
      </form>
      <p>
        Vous préférez le papier ?{' '}
        <a href={`/formulaires/${def.id}`} download>
          Télécharger le formulaire à imprimer (PDF, déjà rempli avec votre identité)
        </a>
        , puis déposez-le au guichet ou dans un espace France Services.
      </p>
        </>
      )}
      <EnVrai paragraphs={def.enVrai} />
    </>
  );
}
