import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { sessionLifecycleAction } from '../../../actions';
import { teacherSession } from '../session';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';

export const metadata: Metadata = { title: 'Confirmer — séance' };

/** Reset and delete are one confirmed action each: this page says exactly what will go. */
export default async function ConfirmPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ action?: string }> }) {
  const { session } = await teacherSession((await params).id);
  const { action } = await searchParams;
  if ((action !== 'supprimer' && action !== 'reinitialiser') || (action === 'supprimer' && session.isDemo)) notFound();
  const deleting = action === 'supprimer';
  return (
    <>
      <h1>{deleting ? `Supprimer la séance « ${session.name} » ?` : `Réinitialiser la séance « ${session.name} » ?`}</h1>
      <div className="notice notice--error">
        <p>
          {deleting
            ? 'Toutes les données de la séance seront effacées : élèves et pseudonymes, messages, personnes, dossiers, échanges, accords, documents, mandats. Le code ne fonctionnera plus. C’est définitif.'
            : 'La séance revient au monde de départ : les élèves et leurs rôles, les messages, les dossiers, échanges, accords, documents et mandats sont effacés, les élèves devront rejoindre la séance à nouveau. Le code reste le même.'}
        </p>
      </div>
      <form action={sessionLifecycleAction} className="actions">
        <input type="hidden" name="seance" value={session.id} />
        <input type="hidden" name="action" value={action} />
        <ActionKeyField value={newActionKey()} />
        <button type="submit" className="button">
          {deleting ? 'Oui, supprimer définitivement' : 'Oui, réinitialiser'}
        </button>
        <Link href={`/enseignant/seances/${session.id}`}>Annuler</Link>
      </form>
    </>
  );
}
