import { providers, type IdpName } from './config';

// Small self-contained pages served by the provider's route handlers (outside the app's layout).

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(provider: IdpName, status: number, title: string, body: string): Response {
  const name = escape(providers[provider].displayName);
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – ${name}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.5}
.sim{background:#fff3cd;color:#3d2e00;padding:.5rem 1rem;border-bottom:2px solid #8a6d00;margin:0}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}a{color:#0b4f9c}a:focus{outline:3px solid #0b4f9c;outline-offset:2px}</style>
</head><body><header><p class="sim">Simulation pédagogique — pas un site officiel</p></header>
<main><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="/">Revenir à l’accueil d’e-Guichet</a></p><p><small>${name}</small></p></main>
</body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export const errorPage = (provider: IdpName, status: number, message: string) => page(provider, status, 'Connexion impossible', message);

export const loggedOutPage = (provider: IdpName) =>
  page(provider, 200, 'Vous êtes déconnecté·e', `Votre session ${providers[provider].displayName} est terminée.`);
