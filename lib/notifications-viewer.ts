import 'server-only';
import { getViewer } from './auth/guards';
import type { NotificationViewer } from './notifications';

/** The signed-in citizen or agent, as a notification reader (teachers have the live view instead). */
export async function notificationViewer(): Promise<NotificationViewer | null> {
  const viewer = await getViewer();
  if (viewer?.role === 'citoyen') return { kind: 'usager', persona: viewer.persona };
  if (viewer?.role === 'agent') return { kind: 'agent', agent: viewer.agent };
  return null;
}
