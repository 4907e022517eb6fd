// A route handler that reads a JSON body and answers JSON: the floor under e-Guichet's exchange API.
export const dynamic = 'force-dynamic';

export async function POST(request) {
  const body = await request.json();
  return Response.json({ statut: 'ok', recu: Object.keys(body).length });
}
