// The class scenario of the benchmark: a teacher creates a séance and watches it live; students join with
// the code and a pseudonym, sign in through the simulated providers (real OIDC code flow) and act in their
// role with think-times — citizens do the three procedures, agents open their back-office, aidants and
// observers read their pages — while the bodies' systems call the exchange API now and then.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { and, count, eq, ne } from 'drizzle-orm';
import type { AsyncExecutor, Engine } from '../db/engine';
import { startBodies } from './bodies';
import { cases, classSessions, exchangeTraces, participants, personas } from '../db/tables';
import { currentToken } from '../lib/platform/tokens';
import { Client, HttpError, links, liveSnapshots, type Sample } from './client';
import { stats, type Stats } from './stats';

/** `platformBase`: where the bodies' systems call the exchange API (the site's address, or the platform's own process). */
type Options = { base: string; platformBase: string; engine: Engine; teacher: { email: string; password: string }; students: number };

/** A small deterministic generator, so that two runs make the same choices. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const today = () => new Date().toISOString().slice(0, 10).split('-').reverse().join('/');

export async function classScenario({ base, platformBase, engine, teacher, students }: Options) {
  const db: AsyncExecutor = engine.db;
  const samples: Sample[] = [];
  const record = (s: Sample) => samples.push(s);
  const failures: string[] = [];
  const started = performance.now();

  // The teacher creates the séance through the form, as on the day.
  const t = new Client(base, record);
  await t.signInAsTeacher(teacher.email, teacher.password);
  const home = await t.go('page', '/enseignant');
  const created = await t.submit('formulaire', home, 'Créer la séance', { nom: 'Banc d’essai', preset: 'tout', eleves: String(students) });
  const sessionId = /\/enseignant\/seances\/([^/?]+)/.exec(created.url)?.[1];
  if (!sessionId) throw new Error(`séance non créée (${created.url})`);
  const session = (await db.select().from(classSessions).where(eq(classSessions.id, sessionId)).get())!;
  // The zone blanche simulation slows one persona on purpose (1.5 s per request): not what we measure here.
  await db.update(classSessions).set({ simulateNetwork: false }).where(eq(classSessions.id, sessionId)).run();

  // The teacher's live view stays open for the whole class.
  const live = new AbortController();
  // Its events' sizes: the first is the whole snapshot, the others should carry only what changed — each beside the
  // size of the whole snapshot it brings the screen to (applied as the screen applies it).
  const liveEventBytes: number[] = [];
  const liveSnapshotBytes: number[] = [];
  const liveStream = (async () => {
    try {
      const response = await fetch(`${base}/api/enseignant/seances/${sessionId}/flux`, { headers: { cookie: t.cookieHeader() }, signal: live.signal });
      for await (const { snapshot, bytes } of liveSnapshots(response.body!)) {
        liveEventBytes.push(bytes);
        liveSnapshotBytes.push(Buffer.byteLength(JSON.stringify(snapshot)));
      }
    } catch {
      // aborted at the end
    }
  })();

  // The bodies' own systems: the CAF asks the DGFiP for a household's income about once a second.
  const cafToken = (await currentToken(engine, sessionId, 'caf')).token;
  const someone = (await db.select().from(personas).where(and(eq(personas.classSessionId, sessionId), eq(personas.key, 'karim-benali'))).get())!;
  const exchangeBody = JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: someone.id, finalite: 'calcul_prestations' });
  const bodies = startBodies({ url: `${platformBase}/api/plateforme/v1/echanges`, token: cafToken, body: exchangeBody, record });
  // How late the load generator's own loop runs (the students' pages parsed on it): part of every page's time below.
  const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
  generatorLoop.enable();

  const citizens = new Map<string, Client>(); // those who asked for a birth certificate, by persona, in the order they finished
  const filers = new Map<string, { client: Client; procedure: string }>(); // every citizen who finished, by persona
  const agents: Client[] = [];

  const student = async (i: number) => {
    const rand = random(i + 1);
    const think = () => sleep(1000 + rand() * 3000);
    await sleep(i * 400); // they do not all type the code at the same second
    const c = new Client(base, record);
    const pseudonym = `Eleve ${i + 1}`;
    const join = await c.go('page', `/rejoindre?code=${session.joinCode}`);
    await think();
    await c.submit('formulaire', join, 'Rejoindre la séance', { pseudonyme: pseudonym });
    const me = await db.select().from(participants).where(and(eq(participants.classSessionId, sessionId), eq(participants.pseudonym, pseudonym))).get();
    if (!me?.subjectId && me?.role !== 'observateur') throw new HttpError(`${pseudonym} : pas de rôle`);
    await think();
    if (me.role === 'observateur') {
      for (let k = 0; k < 5; k++) {
        await c.go('page', '/seance/journal');
        await think();
      }
      return;
    }
    if (me.role === 'agent' || me.role === 'aidant') {
      const space = me.role === 'agent' ? '/agent' : '/aidant';
      await c.signInWith('proconnect', me.subjectId!, { seance: session.joinCode, login_hint: me.subjectId! }, space);
      if (me.role === 'agent') agents.push(c);
      for (let k = 0; k < 5; k++) {
        await think();
        const page = await c.go('page', space);
        const open = links(page.html, me.role === 'agent' ? /^\/agent\/dossiers\/[^/]+$/ : /^\/aidant\/dossiers\//);
        if (open.length) await c.go('page', open[Math.floor(rand() * open.length)]!);
      }
      return;
    }
    // A citizen.
    await c.signInWith('franceconnect', me.subjectId!, { seance: session.joinCode, login_hint: me.subjectId! }, '/citoyen');
    const persona = (await db.select().from(personas).where(eq(personas.id, me.subjectId!)).get())!;
    await think();
    await c.go('page', '/citoyen');
    if (persona.digitalProfile === 'jamais_internet') {
      await think();
      await c.go('page', '/citoyen/demarches/acte-naissance'); // offered the aidant, the counter and paper
      return;
    }
    const procedure = ['acte-naissance', 'changement-adresse', 'carte-stationnement'][i % 3]!;
    await think();
    if (procedure === 'carte-stationnement') {
      await c.go('page', '/citoyen/demarches/carte-stationnement');
      await think();
      const consent = await c.go('page', '/citoyen/demarches/carte-stationnement/accord');
      await think();
      await c.submit('formulaire', consent, 'Valider ma réponse', { decision: 'accepter' });
    } else {
      const start = await c.go('page', `/citoyen/demarches/${procedure}`);
      await think();
      let page = await c.submit('formulaire', start, 'Commencer la démarche');
      const answers: Record<string, Record<string, string | string[]>> = {
        demandeur: { lien: 'moi' },
        type: { type: 'copie_integrale' },
        adresse: { voie: '3 place du Marché', code_postal: '00100' },
        date: { date: today() },
        organismes: { organismes: ['caf', 'cpam', 'dgfip', 'la-poste'] },
      };
      for (let k = 0; k < 12 && /\/etapes\//.test(page.url); k++) {
        const step = /\/etapes\/([^/?]+)/.exec(page.url)![1]!;
        await think();
        // The step's own button (in simplified mode it moves one question at a time).
        const next = await c.submit('formulaire', page, /^(?!Revenir|Abandonner|Écouter|Se déconnecter|Enregistrer mes réglages).+/, answers[step] ?? {});
        if (next.url === page.url && /aria-invalid="true"/.test(next.html)) throw new HttpError(`${pseudonym} : l’étape ${step} est refusée`);
        page = next;
      }
      await think();
      page = await c.submit('formulaire', page, 'Envoyer ma demande');
      if (!/Votre demande est envoyée/.test(page.html)) throw new HttpError(`${pseudonym} : demande non envoyée (${page.url})`);
    }
    await think();
    await c.go('page', '/citoyen/mes-donnees');
    await think();
    await c.go('page', '/citoyen');
    if (procedure === 'acte-naissance') citizens.set(persona.key, c);
    filers.set(persona.key, { client: c, procedure });
  };

  const outcomes = await Promise.allSettled(Array.from({ length: students }, (_, i) => student(i)));
  outcomes.forEach((o, i) => {
    if (o.status === 'rejected') failures.push(`Élève ${i + 1} : ${String((o.reason as Error).message ?? o.reason)}`);
  });
  await bodies.stop();
  generatorLoop.disable();
  // The histogram holds each interval between two ticks of the 10-ms timer: its lateness is what exceeds 10 ms.
  const late = (p: number) => Math.max(0, (p === 100 ? generatorLoop.max : generatorLoop.percentile(p)) / 1e6 - 10).toFixed(0);
  const seconds = (performance.now() - started) / 1000;
  await t.go('page', `/enseignant/seances/${sessionId}`);
  live.abort();
  await liveStream;

  const select = (f: (s: Sample) => boolean): Stats => {
    const chosen = samples.filter(f);
    return stats(
      chosen.map((s) => s.ms),
      chosen.filter((s) => !s.ok).length,
      seconds,
    );
  };
  const gateway = await db.select({ ms: exchangeTraces.durationMs }).from(exchangeTraces).where(eq(exchangeTraces.classSessionId, sessionId)).all();
  const submitted = (await db.select({ n: count() }).from(cases).where(and(eq(cases.classSessionId, sessionId), ne(cases.state, 'brouillon'))).get())?.n ?? 0;
  const roles = await db.select({ role: participants.role, n: count() }).from(participants).where(eq(participants.classSessionId, sessionId)).groupBy(participants.role).all();

  // Pages for part (c): a citizen of the class with a case, a draft step, the teacher's view of this séance.
  const [first, second] = [...citizens.values()];
  if (!first) throw new Error('aucun citoyen n’a terminé sa démarche : voir les remarques');
  const pages = [
    { label: 'Accueil', display: '/', path: '/', cookie: first.cookieHeader() },
    { label: 'Tableau de bord', display: '/citoyen', path: '/citoyen', cookie: first.cookieHeader() },
    // Mes données as a person the bodies asked about: the one the CAF asks about all along (and part b thousands of
    // times) when a student plays them, or else one who moved (four bodies told); a birth certificate asks nobody.
    { label: 'Mes données', display: '/citoyen/mes-donnees', path: '/citoyen/mes-donnees', cookie: (filers.get(someone.key) ?? [...filers.values()].find((f) => f.procedure === 'changement-adresse'))?.client.cookieHeader() ?? first.cookieHeader() },
    { label: 'Tableau de bord enseignant de la séance', display: '/enseignant/seances/<id>', path: `/enseignant/seances/${sessionId}`, cookie: t.cookieHeader() },
  ];
  // The agent's queue, as the first agent of the class sees it.
  if (agents[0]) pages.push({ label: 'File de l’agent', display: '/agent', path: '/agent', cookie: agents[0].cookieHeader() });
  // A step of a draft: another citizen of the class starts a change of address and stays on its first step.
  const stepper = second ?? first;
  const draft = await stepper.submit('formulaire', await stepper.go('page', '/citoyen/demarches/changement-adresse'), 'Commencer la démarche');
  pages.splice(2, 0, { label: 'Une étape d’une démarche', display: '/citoyen/dossiers/<id>/etapes/adresse', path: new URL(draft.url).pathname, cookie: stepper.cookieHeader() });

  const streams = async (n: number): Promise<Stats> => {
    const times = await Promise.all(
      Array.from({ length: n }, async () => {
        const controller = new AbortController();
        const begun = performance.now();
        try {
          const response = await fetch(`${base}/api/enseignant/seances/${sessionId}/flux`, { headers: { cookie: t.cookieHeader() }, signal: controller.signal });
          const decoder = new TextDecoder();
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            if (/event: live/.test(decoder.decode(chunk))) return performance.now() - begun;
          }
        } finally {
          controller.abort();
        }
        return NaN;
      }),
    );
    const ok = times.filter(Number.isFinite);
    return stats(ok, n - ok.length, 0);
  };

  // Where the slow pages are: while the students arrive, or later; which addresses.
  const isPage = (s: Sample) => s.kind === 'page' && s.method === 'GET';
  const arrivalSeconds = Math.ceil(students * 0.4) + 5;
  const slowest = samples
    .filter(isPage)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
    .map((s) => `${s.path} ${Math.round(s.ms)} ms à ${((s.at - started) / 1000).toFixed(0)} s`);

  const rows = [
    { label: 'Pages (GET, HTML rendu au serveur)', s: select(isPage) },
    { label: `… dont pendant les arrivées (les ${arrivalSeconds} premières secondes : connexions en rafale)`, s: select((s) => isPage(s) && s.at - started < arrivalSeconds * 1000) },
    { label: '… dont ensuite', s: select((s) => isPage(s) && s.at - started >= arrivalSeconds * 1000) },
    { label: 'Formulaires envoyés (POST : actions serveur, sans JavaScript, avec leurs redirections)', s: select((s) => s.kind === 'formulaire') },
    { label: 'Connexion (chaque requête du parcours OpenID Connect : next-auth, fournisseur, rappel)', s: select((s) => s.kind === 'connexion') },
    { label: 'API d’échange appelée par les systèmes des organismes (HTTP, de bout en bout)', s: select((s) => s.kind === 'echange') },
    { label: 'Échanges mesurés par la passerelle elle-même (`exchange_traces.duration_ms`, y compris ceux des démarches)', s: stats(gateway.map((g) => g.ms), 0, seconds) },
  ];
  return {
    rows,
    intro: [
      `L’enseignant crée la séance par le formulaire (scénario « Tout », simulation de zone blanche coupée) et garde le tableau de bord ouvert (flux d’événements : ${liveEventBytes.length} envois reçus). ${students} élèves arrivent à 0,4 s d’intervalle, saisissent le code et un pseudonyme, se connectent par le fournisseur simulé (flux OpenID Connect complet : PKCE, state, nonce), puis agissent selon leur rôle avec 1 à 4 s de réflexion entre deux actions : les citoyens font l’acte de naissance, le changement d’adresse (quatre organismes) ou la carte de stationnement (avec accord : deux échanges), puis regardent « Mes données » ; les agents et les aidants ouvrent leur espace et des dossiers ; les observateurs lisent le journal. Les systèmes des organismes appellent l’API d’échange environ une fois par seconde.`,
      '',
      `Retard de la boucle du générateur de charge pendant la classe (les ${students} navigateurs y lisent leurs pages ; il compte dans le temps de chaque page, pas dans celui des échanges, appelés d’un fil à part) : médiane ${late(50)} ms, p95 ${late(95)} ms, p99 ${late(99)} ms, au plus ${late(100)} ms (mesuré par une minuterie de 10 ms).`,
      '',
      `Pages les plus lentes (adresse, durée, moment depuis le début de la classe) : ${slowest.join(' ; ')}.`,
      '',
      `Durée : ${seconds.toFixed(0)} s. Rôles : ${roles.map((r) => `${r.n} ${r.role}`).join(', ')}. Demandes envoyées : ${submitted}. Échanges journalisés : ${gateway.length}. Parcours interrompus : ${failures.length}. Les débits de ce tableau sont des moyennes sur toute la durée (la classe réfléchit plus qu’elle ne clique).`,
    ].join('\n'),
    notes: failures,
    live: { first: liveEventBytes[0] ?? NaN, later: liveEventBytes.slice(1).map((bytes, i) => ({ bytes, whole: liveSnapshotBytes[i + 1]! })) },
    pages,
    streams,
    exchange: { token: cafToken, body: exchangeBody },
  };
}
