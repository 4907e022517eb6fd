'use client';

import { useEffect, useRef, useState } from 'react';
import type { LiveSnapshot } from '@/lib/classroom/live';
import type { ParticipantRole } from '@/db/schema';

type Props = {
  classSessionId: string;
  initial: LiveSnapshot;
  roleLabels: Record<ParticipantRole, string>;
  stateLabels: Record<string, string>;
  reassign: (formData: FormData) => Promise<void>;
  revealHint: (formData: FormData) => Promise<void>;
  automate: (formData: FormData) => Promise<void>;
  /** What a student can be moved to: a role (any account), or a role with its persona, body or aidant. */
  choices: { label: string; options: { value: string; label: string }[] }[];
};

const resultWords = { accorde: 'accordé', refuse: 'refusé', echec: 'en échec' } as const;
const faultWords = { panne: 'en panne', lenteur: 'lent', erratique: 'erratique' } as const;
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Europe/Paris' });

// The map's geometry: the platform in the middle, the bodies around it.
const W = 760;
const H = 420;
const hub = { x: W / 2, y: H / 2 };

/** The teacher's live view: map of exchanges, cases by state, participants and timeline, pushed by the server. */
export function LiveView({ classSessionId, initial, roleLabels, stateLabels, reassign, revealHint, automate, choices }: Props) {
  const [data, setData] = useState(initial);
  const [announce, setAnnounce] = useState('');
  const [connected, setConnected] = useState(false);
  const lastSequence = useRef(initial.exchanges[0]?.sequence ?? 0);
  useEffect(() => {
    const source = new EventSource(`/api/enseignant/seances/${classSessionId}/flux`);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('live', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as LiveSnapshot | { gone: true };
      if ('gone' in next) return source.close();
      const newest = next.exchanges[0];
      if (newest && newest.sequence > lastSequence.current) {
        const names = new Map(next.bodies.map((b) => [b.id, b.name]));
        setAnnounce(`Nouvel échange : ${names.get(newest.consumer)} vers ${names.get(newest.provider)}, ${resultWords[newest.result]}.`);
        lastSequence.current = newest.sequence;
      }
      setData(next);
    });
    return () => source.close();
  }, [classSessionId]);

  const position = new Map(
    data.bodies.map((b, i) => {
      const angle = (2 * Math.PI * i) / data.bodies.length - Math.PI / 2;
      return [b.id, { x: hub.x + Math.cos(angle) * 300, y: hub.y + Math.sin(angle) * 160 }];
    }),
  );
  const names = new Map(data.bodies.map((b) => [b.id, b.name]));
  const shown = data.exchanges.slice(0, 12);
  const newest = data.exchanges[0];
  const totals = data.bodies.reduce((t, b) => ({ ok: t.ok + b.granted, refused: t.refused + b.refused, failed: t.failed + b.failed }), { ok: 0, refused: 0, failed: 0 });
  // Each exchange touches two bodies: the totals above count it twice.
  const summary = `${data.exchanges.length === 0 ? 'Aucun échange pour l’instant.' : `Échanges : ${totals.ok / 2} accordés, ${totals.refused / 2} refusés, ${totals.failed / 2} en échec.`}${newest ? ` Dernier : ${names.get(newest.consumer)} → ${names.get(newest.provider)}, ${resultWords[newest.result]}.` : ''}`;

  return (
    <div className="live">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <p className="live__status">
        <strong>
          {data.joined} élève{data.joined > 1 ? 's' : ''} sur {data.expected}
        </strong>{' '}
        {data.joined > 1 ? 'ont' : 'a'} rejoint la séance. {connected ? 'Mise à jour en direct.' : 'Connexion au direct…'}
      </p>
      {data.alerts.length > 0 && (
        <section className="notice notice--error" aria-labelledby="alertes">
          <h2 id="alertes">À régler</h2>
          <ul>
            {data.alerts.map((a) => (
              <li key={a.agency}>
                {a.text}{' '}
                <form action={automate} className="inline-form">
                  <input type="hidden" name="seance" value={classSessionId} />
                  <input type="hidden" name="organisme" value={a.agency} />
                  <button type="submit" className="button button--secondary">
                    Laisser {names.get(a.agency)} répondre seul
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="carte-echanges">
        <h2 id="carte-echanges">Carte des échanges</h2>
        <figure className="live-map">
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Carte des échanges de données entre organismes. ${summary}`}>
            {shown
              .slice()
              .reverse()
              .map((e) => {
                const from = position.get(e.consumer)!;
                const to = position.get(e.provider)!;
                const fresh = e.sequence === newest?.sequence;
                return (
                  <g key={e.sequence} className={`live-map__flow live-map__flow--${e.result}${fresh ? ' live-map__flow--new' : ''}`} data-echange={e.sequence} data-resultat={e.result}>
                    <path d={`M ${from.x} ${from.y} L ${hub.x} ${hub.y} L ${to.x} ${to.y}`} />
                  </g>
                );
              })}
            <g className="live-map__hub">
              <circle cx={hub.x} cy={hub.y} r={46} />
              <text x={hub.x} y={hub.y - 4} textAnchor="middle">
                État
              </text>
              <text x={hub.x} y={hub.y + 14} textAnchor="middle">
                plateforme
              </text>
            </g>
            {data.bodies.map((b) => {
              const p = position.get(b.id)!;
              return (
                <g key={b.id} className={`live-map__body${b.fault ? ' live-map__body--fault' : ''}${b.played ? ' live-map__body--played' : ''}`} data-organisme={b.id}>
                  <rect x={p.x - 70} y={p.y - 24} width={140} height={48} rx={8} />
                  <text x={p.x} y={p.y - 5} textAnchor="middle" className="live-map__name">
                    {b.name}
                  </text>
                  <text x={p.x} y={p.y + 13} textAnchor="middle" className="live-map__counts">
                    {b.fault ? faultWords[b.fault as keyof typeof faultWords] : `✓ ${b.granted}  ✗ ${b.refused}  ! ${b.failed}`}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption>
            <p>{summary}</p>
            <ul className="live-map__legend">
              <li className="legend legend--accorde">trait plein : accordé</li>
              <li className="legend legend--refuse">tirets : refusé (pas d’habilitation ou pas d’accord)</li>
              <li className="legend legend--echec">pointillés : en échec (panne, délai dépassé)</li>
              <li>✓ accordés, ✗ refusés, ! en échec ; cadre épais : organisme joué par un·e élève ; cadre rouge : panne en cours</li>
            </ul>
          </figcaption>
        </figure>
      </section>

      <section>{/* named by the scrollable region inside */}
        <h2 id="dossiers-etat">Dossiers par état</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="dossiers-etat">
          <table>
            <caption>Nombre de dossiers de la séance, par démarche et par état</caption>
            <thead>
              <tr>
                <th scope="col">Démarche</th>
                {Object.entries(stateLabels).map(([id, label]) => (
                  <th scope="col" key={id}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.cases.map((row) => (
                <tr key={row.procedure}>
                  <th scope="row">{row.title}</th>
                  {Object.keys(stateLabels).map((s) => (
                    <td key={s}>{row.counts[s as keyof typeof row.counts]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>{/* named by the scrollable region inside */}
        <h2 id="participants">Élèves</h2>
        {data.participants.length === 0 ? (
          <p>Personne n’a encore rejoint la séance. Projetez le code : les élèves apparaissent ici dès qu’ils arrivent.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="participants">
            <table>
              <caption>Élèves de la séance, leur rôle et ce qu’ils font</caption>
              <thead>
                <tr>
                  <th scope="col">Pseudonyme</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Joue</th>
                  <th scope="col">En ce moment</th>
                  <th scope="col">Vu à</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.participants.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.pseudonym}</th>
                    <td>{roleLabels[p.role]}</td>
                    <td>{p.playing ?? '—'}</td>
                    <td>{p.doing}</td>
                    <td>
                      <time dateTime={p.lastSeenAt}>{time.format(new Date(p.lastSeenAt))}</time>
                    </td>
                    <td>
                      <form action={reassign} className="inline-form">
                        <input type="hidden" name="seance" value={classSessionId} />
                        <input type="hidden" name="participant" value={p.id} />
                        <label htmlFor={`role-${p.id}`} className="visually-hidden">
                          Rôle de {p.pseudonym}
                        </label>
                        <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                          {choices.map((group) => (
                            <optgroup key={group.label} label={group.label}>
                              {group.options.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </select>{' '}
                        <button type="submit" className="button button--secondary">
                          Changer<span className="visually-hidden"> le rôle de {p.pseudonym}</span>
                        </button>
                      </form>{' '}
                      <form action={revealHint} className="inline-form">
                        <input type="hidden" name="seance" value={classSessionId} />
                        <input type="hidden" name="participant" value={p.id} />
                        <input type="hidden" name="indice" value={p.hintsRevealed + 1} />
                        <button type="submit" className="button button--secondary">
                          Révéler un indice<span className="visually-hidden"> à {p.pseudonym}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>{/* named by the scrollable region inside */}
        <h2 id="fil">Fil de la séance</h2>
        <div className="live-timeline" tabIndex={0} role="region" aria-labelledby="fil">
          {data.timeline.length === 0 ? (
            <p>Rien ne s’est encore passé.</p>
          ) : (
            <ol>
              {data.timeline.map((e) => (
                <li key={e.id} className={`live-timeline__item live-timeline__item--${e.tone}`} data-evenement={e.id}>
                  <time dateTime={e.at}>{time.format(new Date(e.at))}</time> {e.text}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
    </div>
  );
}
