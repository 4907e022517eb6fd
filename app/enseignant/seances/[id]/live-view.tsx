'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveSnapshot } from '@/lib/classroom/live';
import type { MapLayout, MapPlace } from '@/lib/classroom/live-map';
import { applySnapshotChange, type SnapshotChange } from '@/lib/classroom/live-diff';
import type { AgencyId, ParticipantRole } from '@/db/schema';
import { agreed, countOf, formatTime } from '@/lib/format';

type Props = {
  /** The séance's name: the page's heading, beside the status line. */
  title: string;
  classSessionId: string;
  initial: LiveSnapshot;
  /** Where the map draws each body (lib/classroom/live-map.ts: worked out on the server). */
  map: MapLayout;
  roleLabels: Record<ParticipantRole, string>;
  stateLabels: Record<string, string>;
  automate: (formData: FormData) => Promise<void>;
  /** What never changes, rendered on the server (less JavaScript): the map's legend, the link to the students' tab. */
  legend: ReactNode;
  studentsLink: ReactNode;
};

/** A line of the map squeezed to the width the server worked out, when it would not fit its box. */
const fitTo = (width: number | null | undefined) => (width ? { textLength: width, lengthAdjust: 'spacingAndGlyphs' as const } : {});

/**
 * The teacher's cockpit: map of exchanges, cases by state, students and the séance's feed, pushed by the server, on
 * one screen. Each new exchange sends a pulse from the asking body through the platform to the provider.
 */
export function LiveView({ title, classSessionId, initial, map, roleLabels, stateLabels, automate, legend, studentsLink }: Props) {
  const [data, setData] = useState(initial);
  // Exchanges already there when the page opened do not pulse; every later one does, once.
  const [openedAt] = useState(initial.exchanges[0]?.sequence ?? 0);
  const [announce, setAnnounce] = useState('');
  const [connected, setConnected] = useState(false);
  const lastSequence = useRef(initial.exchanges[0]?.sequence ?? 0);
  const current = useRef(initial); // what the stream's changes apply to
  useEffect(() => {
    const source = new EventSource(`/api/enseignant/seances/${classSessionId}/flux`);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('live', (event) => {
      // The whole snapshot first (and after a reconnection), then only what changed (lib/classroom/live-diff.ts).
      const message = JSON.parse((event as MessageEvent<string>).data) as { instantane: LiveSnapshot | { gone: true } } | { changements: SnapshotChange };
      const next: LiveSnapshot | { gone?: true } = 'instantane' in message ? message.instantane : applySnapshotChange(current.current, message.changements);
      if ('gone' in next && next.gone) return source.close();
      const snapshot = (current.current = next as LiveSnapshot);
      const newest = snapshot.exchanges[0];
      if (newest && newest.sequence > lastSequence.current) {
        setAnnounce(snapshot.announcement ?? '');
        lastSequence.current = newest.sequence;
      }
      setData(snapshot);
    });
    return () => source.close();
  }, [classSessionId]);

  const { hub, box } = map;
  const position = new Map<string, MapPlace>(data.bodies.map((b) => [b.id, map.places[b.id] ?? hub]));
  const names = new Map(data.bodies.map((b) => [b.id, b.name]));
  const shown = data.exchanges; // the latest, as many as the map draws (lib/classroom/live.ts)
  const newest = data.exchanges[0];

  // A function, not a component: the line keeps its elements (and a focused button) when the snapshot changes.
  const alertLine = (a: LiveSnapshot['alerts'][number]) => (
    <div className="cockpit__alert">
      {a.text}{' '}
      <form action={automate} className="inline-form">
        <input type="hidden" name="seance" value={classSessionId} />
        <input type="hidden" name="organisme" value={a.agency} />
        <button type="submit" className="button button--secondary button--small">
          Laisser {names.get(a.agency)} répondre seul
        </button>
      </form>
    </div>
  );

  const route = (e: { consumer: AgencyId; provider: AgencyId }) => {
    const from = position.get(e.consumer)!;
    const to = position.get(e.provider)!;
    return `M ${from.x} ${from.y} L ${hub.x} ${hub.y} L ${to.x} ${to.y}`;
  };

  return (
    <div className="cockpit">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="cockpit__head">
        <h1 className="session__title">{title}</h1>
        <p className="cockpit__status">
        <strong>
          {countOf(data.joined, 'élève', 'élèves')} sur {data.expected}
        </strong>{' '}
        {agreed(data.joined, 'a', 'ont')} rejoint la séance. {connected ? 'Mise à jour en direct.' : 'Connexion au direct…'}
        </p>
      </div>
      {data.alerts.length > 0 && (
        // One row (two with several bodies), each body's detail one click away: the live parts stay on the first screen.
        <section className="notice notice--error cockpit__alerts" aria-labelledby="alertes">
          <div className="cockpit__alerts-head">
            <h2 id="alertes">À régler</h2>
            {data.alerts.length === 1 ? (
              alertLine(data.alerts[0]!)
            ) : (
              <>
                <p>{data.alertsHeadline}</p>
                <form action={automate} className="inline-form">
                  <input type="hidden" name="seance" value={classSessionId} />
                  {data.alerts.map((a) => (
                    <input key={a.agency} type="hidden" name="organisme" value={a.agency} />
                  ))}
                  <button type="submit" className="button button--secondary button--small">
                    Laisser ces {countOf(data.alerts.length, 'organisme', 'organismes')} répondre seuls
                  </button>
                </form>
              </>
            )}
          </div>
          {data.alerts.length > 1 && (
            <details className="cockpit__more-alerts">
              <summary>Voir le détail de chaque organisme</summary>
              <ul className="cockpit__alert-list">
                {data.alerts.map((a) => (
                  <li key={a.agency}>{alertLine(a)}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}

      <div className="cockpit__grid">
        <section className="cockpit__panel cockpit__panel--map" aria-labelledby="carte-echanges">
          <h2 id="carte-echanges">Carte des échanges</h2>
          <figure className="live-map">
            <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={`Carte des échanges de données entre organismes. ${data.summary}`}>
              {shown
                .slice()
                .reverse()
                .map((e) => (
                  <g key={e.sequence} className={`live-map__flow live-map__flow--${e.result}${e.sequence === newest?.sequence ? ' live-map__flow--new' : ''}`} data-echange={e.sequence} data-resultat={e.result}>
                    <path d={route(e)} />
                  </g>
                ))}
              <g className="live-map__hub">
                <circle cx={hub.x} cy={hub.y} r={hub.r} />
                <text x={hub.x} y={hub.y - 4} textAnchor="middle">
                  État
                </text>
                <text x={hub.x} y={hub.y + 17} textAnchor="middle">
                  plateforme
                </text>
              </g>
              {data.bodies.map((b) => {
                const p = position.get(b.id)!;
                return (
                  <g key={b.id} className={`live-map__body${b.fault ? ' live-map__body--fault' : ''}${b.played ? ' live-map__body--played' : ''}`} data-organisme={b.id}>
                    <rect x={p.x - box.w / 2} y={p.y - box.h / 2} width={box.w} height={box.h} rx={8} />
                    <text x={p.x} y={p.y - 6} textAnchor="middle" className="live-map__name" {...fitTo(p.fit)}>
                      {b.name}
                    </text>
                    <text x={p.x} y={p.y + 17} textAnchor="middle" className="live-map__counts" {...fitTo(b.fit)}>
                      {b.line}
                    </text>
                  </g>
                );
              })}
              {/* Drawn last, above the bodies: one pulse per new exchange, travelling once (still for reduced motion). */}
              {shown
                .filter((e) => e.sequence > openedAt)
                .map((e) => (
                  <circle key={e.sequence} r={9} className={`live-map__pulse live-map__pulse--${e.result}`} style={{ offsetPath: `path('${route(e)}')` }} data-impulsion={e.sequence} />
                ))}
            </svg>
            <figcaption>
              <p className="visually-hidden">{data.summary}</p>
              {legend}
            </figcaption>
          </figure>
        </section>

        <div className="cockpit__panel">
          {data.cases.length === 0 ? (
            <>
              <h2 id="dossiers-etat">Dossiers par état</h2>
              <p>Aucun dossier pour l’instant : chaque démarche apparaît ici dès qu’un élève en commence une.</p>
            </>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="dossiers-etat">
              <table className="table--compact">
                <caption id="dossiers-etat">Dossiers par état</caption>
                <thead>
                  <tr>
                    <th scope="col">État</th>
                    {data.cases.map((row) => (
                      <th scope="col" key={row.procedure} title={row.title}>
                        {row.shortTitle}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(stateLabels).map(([state, label]) => (
                    <tr key={state}>
                      <th scope="row">{label}</th>
                      {data.cases.map((row) => (
                        <td key={row.procedure}>{row.counts[state as keyof typeof row.counts]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>

        <div className="cockpit__panel">
          <div className="cockpit__students">
          <h2 id="participants">Élèves</h2>
          {data.participants.length === 0 ? (
            <p>Personne n’a encore rejoint la séance. Projetez le code : les élèves apparaissent ici dès qu’ils arrivent.</p>
          ) : (
            <div className="cockpit__scroll" tabIndex={0} role="region" aria-labelledby="participants">
              <ul className="students">
                {data.participants.map((p) => (
                  <li key={p.id} className="students__item">
                    <p className="students__who">
                      <strong>{p.pseudonym}</strong> — {roleLabels[p.role]}
                      {p.playing ? ` : ${p.playing}` : ''}
                    </p>
                    <p className="students__doing">
                      {p.doing} · vu à <time dateTime={p.lastSeenAt}>{formatTime(new Date(p.lastSeenAt))}</time>
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {studentsLink}
          </div>
          <h2 id="fil">Fil de la séance</h2>
          <div className="cockpit__scroll live-timeline" tabIndex={0} role="region" aria-labelledby="fil">
            {data.timeline.length === 0 ? (
              <p>Rien ne s’est encore passé.</p>
            ) : (
              <ol>
                {data.timeline.map((e) => (
                  <li key={e.id} className={`live-timeline__item live-timeline__item--${e.tone}`} data-evenement={e.id}>
                    <time dateTime={e.at}>{formatTime(new Date(e.at))}</time> {e.text}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
