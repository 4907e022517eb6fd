'use server';

import { revalidatePath } from 'next/cache';
import { database } from '@/db/engine';
import { markNotificationsRead } from '@/lib/notifications';
import { notificationViewer } from '@/lib/notifications-viewer';

export async function markNotificationsReadAction(): Promise<void> {
  const viewer = await notificationViewer();
  if (viewer) await markNotificationsRead(database(), viewer);
  revalidatePath('/', 'layout');
}
