import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { database } from '@/db/engine';
import type { ProcedureId } from '@/db/schema';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { OpenCaseNotice } from '@/app/_components/open-case-notice';
import { newActionKey } from '@/lib/action-keys';
import { openCaseOf } from '@/lib/procedures/engine/cases';
import { requireCitizen } from '@/lib/auth/guards';
import { procedureById } from '@/lib/procedures/registry';
import { EnVrai } from '@/app/_components/en-vrai';
import { startCaseAction } from '../../dossiers/actions';
import { OfflineRoutes } from '@/app/_components/offline-routes';
import { cannotGoOnlineAlone } from '@/lib/procedures/citizen';
import { startBlocked } from '@/lib/procedures/drafts';
import { countOf } from '@/lib/format';

type Params = { params: Promise<{ procedure: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const def = procedureById((await params).procedure);
  return { title: def?.title ?? 'Démarche' };
}

export default async function ProcedureStart({ params }: Params) {
  const persona = await requireCitizen();
  const def = procedureById((await params).procedure);
  if (!def || def.steps.length === 0) notFound();
  const db = database();
  const open = await openCaseOf(db, persona.id, def.id as ProcedureId);
  // Nothing to contest, no refusal to take to the CADA: said here, before a draft is made for nothing.
  const blocked = open ? null : await startBlocked(db, persona, def.id as ProcedureId);
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>{def.title}</h1>
      <p className="lead">{def.description}</p>
      <p>
        Il y a {countOf(def.steps.length, 'étape courte', 'étapes courtes')}, puis un récapitulatif à vérifier avant d’envoyer. Vos réponses sont
        enregistrées au fur et à mesure : vous pouvez vous arrêter et revenir plus tard.
      </p>
      {cannotGoOnlineAlone(persona) ? (
        <OfflineRoutes persona={persona} procedure={def.id} title={def.title} />
      ) : (
        <>
          {open ? (
            <OpenCaseNotice persona={persona} procedure={def.id as ProcedureId} />
          ) : blocked ? (
            <div className="notice" role="status">
              <p>{blocked.reason}</p>
              {blocked.link && (
                <p>
                  <Link href={blocked.link.href}>{blocked.link.label}</Link>
                </p>
              )}
            </div>
          ) : (
            <form action={startCaseAction}>
              <ActionKeyField value={newActionKey()} />
              <input type="hidden" name="demarche" value={def.id} />
              <SubmitButton>Commencer la démarche</SubmitButton>
            </form>
          )}
          {!blocked && (
            <p>
              Vous préférez le papier ?{' '}
              <a href={`/formulaires/${def.id}`} download>
                Télécharger le formulaire à imprimer (PDF, déjà rempli avec votre identité)
              </a>
              , puis déposez-le au guichet ou dans un espace France Services.
            </p>
          )}
        </>
      )}
      <EnVrai paragraphs={def.enVrai} />
    </>
  );
}
