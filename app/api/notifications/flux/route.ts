import { database } from '@/db/engine';
import { notificationsFor } from '@/lib/notifications';
import { notificationViewer } from '@/lib/notifications-viewer';
import { eventStream } from '@/lib/sse';

export const dynamic = 'force-dynamic';

/** Server-sent events: the person's notifications, pushed when they change (read from the cases' history every 2 s). */
export async function GET(request: Request) {
  const viewer = await notificationViewer();
  if (!viewer) return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous pour recevoir vos notifications.' }, { status: 401 });
  return eventStream(request, 'notifications', async () => JSON.stringify(await notificationsFor(database(), viewer)), { everyMs: 2000 });
}
