import { isBusyError } from '../../db/client';
import { PlatformError } from './errors';

// Plumbing shared by the platform's API: JSON errors with stable codes, never cached. Written against a plain request
// and answer, so that the same code serves a route through Next (a route handler) or beside it (scripts/worker.ts).

const noStore = { 'Cache-Control': 'no-store' };

/** What the API answers, whoever sends it. */
export type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> };

/** What the API reads of a request. */
export type ApiRequest = { header(name: string): string | null; text(): Promise<string> };

/** A thrown error as the API's answer: a PlatformError its JSON error, a locked database a 503, anything else a 500 without details. */
export function errorAnswer(error: unknown): ApiAnswer {
  if (error instanceof PlatformError) return { status: error.status, body: error.body() };
  // The database stayed locked by another process beyond every retry: nothing was committed.
  if (isBusyError(error)) return { status: 503, body: new PlatformError('base_occupee').body(), headers: { 'Retry-After': '1' } };
  console.error(error);
  return { status: 500, body: { erreur: 'erreur_interne', message: 'Une erreur inattendue s’est produite.' } };
}

/** Runs a handler without a framework; what it throws becomes the API's JSON error (errorAnswer). */
export async function answerApi(run: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  try {
    return await run();
  } catch (error) {
    return errorAnswer(error);
  }
}

/** The answer as a Web Response (route handlers), never cached. */
export function toResponse(answer: ApiAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: { ...noStore, ...answer.headers } });
}

export function json(body: unknown, status = 200): Response {
  return toResponse({ status, body });
}

/** Runs a route handler; what it throws becomes the API's JSON error (errorAnswer). */
export async function apiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return toResponse(errorAnswer(error));
  }
}

/** No request of this API needs more than a few kilobytes. */
export const maxJsonBytes = 64 * 1024;

/** `application/json` or any `application/…+json`, with or without parameters (charset). */
export const isJsonType = (contentType: string | null) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

/** The request's JSON body, or a 415 type_non_supporte, a 413 requete_trop_grande, a 422 requete_invalide. */
export async function readJson(request: ApiRequest | Request): Promise<unknown> {
  const header = 'header' in request ? (name: string) => request.header(name) : (name: string) => request.headers.get(name);
  if (!isJsonType(header('content-type'))) throw new PlatformError('type_non_supporte');
  if (Number(header('content-length') ?? 0) > maxJsonBytes) throw new PlatformError('requete_trop_grande');
  let text: string;
  try {
    text = await request.text();
  } catch (error) {
    if (error instanceof PlatformError) throw error;
    throw new PlatformError('requete_invalide', 'Le corps de la requête n’a pas pu être lu.');
  }
  if (Buffer.byteLength(text) > maxJsonBytes) throw new PlatformError('requete_trop_grande');
  try {
    return JSON.parse(text);
  } catch {
    throw new PlatformError('requete_invalide', 'Le corps de la requête doit être un document JSON.');
  }
}
