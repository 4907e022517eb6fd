'use client';

import { ServerError } from './_components/server-error';

/** A page or an action that failed, inside the usual frame (header, simulation banner). */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ServerError digest={error.digest} retry={retry} />;
}
