import 'server-only';
import { getViewer } from './auth/guards';
import { notificationViewerOf, type NotificationViewer } from './notifications';

/** The signed-in citizen or agent, as a notification reader (teachers have the live view instead). */
export async function notificationViewer(): Promise<NotificationViewer | null> {
  return notificationViewerOf(await getViewer());
}
