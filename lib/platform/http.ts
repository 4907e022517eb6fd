import { isBusyError } from '../../db/client';
import { PlatformError, errorResponse } from './errors';

// Route-handler plumbing shared by the platform's API: JSON errors with stable codes, never cached.

const noStore = { 'Cache-Control': 'no-store' };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: noStore });
}

/** Runs a handler; a PlatformError becomes its JSON error, a locked database a 503, anything else a 500 without details. */
export async function apiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PlatformError) return errorResponse(error, noStore);
    // The database stayed locked by another process beyond every retry: nothing was committed.
    if (isBusyError(error)) return errorResponse(new PlatformError('base_occupee'), { ...noStore, 'Retry-After': '1' });
    console.error(error);
    return Response.json({ erreur: 'erreur_interne', message: 'Une erreur inattendue s’est produite.' }, { status: 500, headers: noStore });
  }
}

/** No request of this API needs more than a few kilobytes. */
export const maxJsonBytes = 64 * 1024;

/** `application/json` or any `application/…+json`, with or without parameters (charset). */
export const isJsonType = (contentType: string | null) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

/** The request's JSON body, or a 415 type_non_supporte, a 413 requete_trop_grande, a 422 requete_invalide. */
export async function readJson(request: Request): Promise<unknown> {
  if (!isJsonType(request.headers.get('content-type'))) throw new PlatformError('type_non_supporte');
  if (Number(request.headers.get('content-length') ?? 0) > maxJsonBytes) throw new PlatformError('requete_trop_grande');
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new PlatformError('requete_invalide', 'Le corps de la requête n’a pas pu être lu.');
  }
  if (Buffer.byteLength(text) > maxJsonBytes) throw new PlatformError('requete_trop_grande');
  try {
    return JSON.parse(text);
  } catch {
    throw new PlatformError('requete_invalide', 'Le corps de la requête doit être un document JSON.');
  }
}
