'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { markNotificationsRead } from '@/lib/notifications';
import { notificationViewer } from '@/lib/notifications-viewer';

export async function markNotificationsReadAction(): Promise<void> {
  const viewer = await notificationViewer();
  if (viewer) markNotificationsRead(getDb(), viewer);
  revalidatePath('/', 'layout');
}
