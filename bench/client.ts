import { parse, type HTMLElement } from 'node-html-parser';
import { applySnapshotChange, type SnapshotChange } from '../lib/classroom/live-diff';

// A browser without JavaScript, for the benchmark: a cookie jar, redirects followed by hand (each hop
// timed), HTML forms read from the page and posted as a browser would. Every request is recorded.

/** One request: `path` with ids replaced by <id>, `at` when it started (performance.now()). */
export type Sample = { kind: string; method: string; path: string; at: number; ms: number; status: number; ok: boolean };

const pathOf = (url: URL) => url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
export type Recorder = (sample: Sample) => void;

export class HttpError extends Error {}

export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    private readonly record: Recorder,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request, timed; redirects are not followed. */
  async raw(kind: string, url: string, init: RequestInit = {}): Promise<Response> {
    const started = performance.now();
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', this.base);
    const target = new URL(url, this.base);
    const sample = { kind, method: init.method ?? 'GET', path: pathOf(target), at: started };
    let response: Response;
    let body: ArrayBuffer;
    try {
      // A server that stops answering fails the request after 30 s (counted as an error), instead of holding the run.
      response = await fetch(target, { ...init, headers, redirect: 'manual', signal: init.signal ?? AbortSignal.timeout(30_000) });
      body = await response.arrayBuffer(); // the whole answer, as a browser would wait for it
    } catch (error) {
      this.record({ ...sample, ms: performance.now() - started, status: 0, ok: false });
      throw error;
    }
    const ms = performance.now() - started;
    this.keepCookies(response);
    this.record({ ...sample, ms, status: response.status, ok: response.status < 400 });
    return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, headers: response.headers });
  }

  /** A request and its redirects; returns the last answer and its address. */
  async go(kind: string, url: string, init: RequestInit = {}): Promise<{ response: Response; url: string; html: string }> {
    let current = new URL(url, this.base).toString();
    let response = await this.raw(kind, current, init);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
      current = new URL(response.headers.get('location')!, current).toString();
      response = await this.raw(kind, current);
    }
    if (response.status >= 400) throw new HttpError(`${kind}: ${response.status} on ${current}`);
    return { response, url: current, html: await response.text() };
  }

  /** Fills the form that holds `submitText` (a button's text) and submits it as a browser without JavaScript. */
  async submit(kind: string, page: { url: string; html: string }, submitText: string | RegExp, fields: Record<string, string | string[] | File> = {}, options: { follow?: boolean } = {}) {
    const root = parse(page.html);
    const button = root.querySelectorAll('button, input[type=submit]').find((b) => (typeof submitText === 'string' ? b.text.trim() === submitText : submitText.test(b.text.trim())));
    if (!button) throw new HttpError(`${kind}: no button "${submitText}" on ${page.url}`);
    let form: HTMLElement | null = button.parentNode;
    while (form && form.tagName !== 'FORM') form = form.parentNode;
    if (!form) throw new HttpError(`${kind}: button "${submitText}" is not in a form`);
    const data = new FormData();
    for (const input of form.querySelectorAll('input, select, textarea')) {
      const name = input.getAttribute('name');
      if (!name || name in fields) continue;
      const type = input.getAttribute('type') ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked')) continue;
      if (type === 'file') continue;
      if (input.tagName === 'SELECT') {
        const option = input.querySelector('option[selected]') ?? input.querySelector('option');
        if (option) data.append(name, option.getAttribute('value') ?? option.text);
      } else if (input.tagName === 'TEXTAREA') data.append(name, input.text);
      else data.append(name, input.getAttribute('value') ?? '');
    }
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
    const hasFile = [...data.values()].some((v) => typeof v !== 'string');
    const buttonName = button.getAttribute('name');
    if (buttonName) data.append(buttonName, button.getAttribute('value') ?? '');
    const action = button.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
    const target = new URL(action && !action.startsWith('javascript:') ? action : page.url, page.url).toString();
    const method = (form.getAttribute('method') ?? 'post').toUpperCase();
    if (method === 'GET') {
      const query = new URLSearchParams([...data].map(([k, v]) => [k, String(v)]));
      return this.go(kind, `${target.split('?')[0]}?${query}`);
    }
    const urlencoded = !hasFile && (form.getAttribute('enctype') ?? '') !== 'multipart/form-data' && ![...data.keys()].some((k) => k.startsWith('$ACTION'));
    const body = urlencoded ? new URLSearchParams([...data].map(([k, v]) => [k, String(v)])) : data;
    // Not followed: a browser drops the navigation of a form sent again before its answer came (a double-click).
    if (options.follow === false) {
      const response = await this.raw(kind, target, { method: 'POST', body });
      return { response, url: new URL(response.headers.get('location') ?? target, target).toString(), html: '' };
    }
    return this.go(kind, target, { method: 'POST', body });
  }

  /** Signs in through a simulated provider with next-auth's own endpoints, as its signIn() does. */
  async signInWith(provider: 'franceconnect' | 'proconnect', subject: string | RegExp, params: { seance?: string; login_hint?: string } = {}, callbackUrl = '/') {
    const csrf = (await (await this.raw('connexion', '/api/auth/csrf')).json()) as { csrfToken: string };
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    const start = await this.raw('connexion', `/api/auth/signin/${provider}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: new URL(callbackUrl, this.base).toString(), json: 'true' }),
    });
    const { url } = (await start.json()) as { url: string };
    const page = await this.go('connexion', url);
    const root = parse(page.html);
    const radio = root.querySelectorAll('input[type=radio]').find((r) => {
      const label = root.querySelector(`label[for="${r.getAttribute('id')}"]`)?.text ?? r.parentNode?.text ?? '';
      return typeof subject === 'string' ? r.getAttribute('value') === subject : subject.test(label.trim());
    });
    if (!radio) throw new HttpError(`connexion: no account ${subject} on ${page.url}`);
    return this.submit('connexion', page, 'Me connecter', { [radio.getAttribute('name')!]: radio.getAttribute('value')! });
  }

  async signInAsTeacher(email: string, password: string) {
    const csrf = (await (await this.raw('connexion', '/api/auth/csrf')).json()) as { csrfToken: string };
    await this.go('connexion', '/api/auth/callback/enseignant', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: this.base, json: 'true' }),
    });
    const session = (await (await this.raw('connexion', '/api/auth/session')).json()) as { user?: unknown };
    if (!session.user) throw new HttpError('connexion: the teacher is not signed in');
  }
}

/** The links of a page whose href matches (inside `within`, e.g. 'main' for the page's own content). */
export function links(html: string, pattern: RegExp, within = 'body'): string[] {
  const root = parse(html);
  return (root.querySelector(within) ?? root)
    .querySelectorAll('a[href]')
    .map((a) => a.getAttribute('href')!)
    .filter((href) => pattern.test(href));
}

/**
 * The teacher's live stream read as the cockpit reads it: the snapshot first, then each change applied to it
 * (lib/classroom/live-diff.ts). Yields, for every `live` event, the snapshot it brings the screen to and the event's
 * size. Ends with the stream (abort its request to stop).
 */
export async function* liveSnapshots<T extends object>(body: ReadableStream<Uint8Array>): AsyncGenerator<{ snapshot: T; bytes: number }> {
  const decoder = new TextDecoder();
  let buffered = '';
  let held: T | null = null;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^data: (.*)$/m.exec(event)?.[1];
      if (!/^event: live/m.test(event) || !data) continue;
      const message = JSON.parse(data) as { instantane: T } | { changements: SnapshotChange };
      held = 'instantane' in message ? message.instantane : applySnapshotChange(held ?? ({} as T), message.changements);
      yield { snapshot: held, bytes: Buffer.byteLength(data) };
    }
  }
}
