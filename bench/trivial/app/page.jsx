// A dynamic page: rendered on each request, as e-Guichet's signed-in pages are.
import { headers } from 'next/headers';

export default async function Page() {
  const h = await headers();
  return (
    <main>
      <h1>Application témoin</h1>
      <p>Rendue à {new Date().toISOString()} pour {h.get('user-agent') ?? 'un client'}.</p>
    </main>
  );
}
