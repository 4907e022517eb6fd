import type { ObservatoryLine } from '@/lib/opinions';
import { smallestGroup } from '@/lib/opinions';
import { formatNumber } from '@/lib/format';

const percent = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}\u00a0%`);

/**
 * The séance's observatory of procedures, shaped like the State's observatory of online procedures: for each, how
 * many were filed and how many online, what the people said, and the two things every online service is rated on.
 */
export function Observatory({ lines }: { lines: ObservatoryLine[] }) {
  if (lines.length === 0) return <p>Aucune demande n’a encore été déposée dans cette séance.</p>;
  return (
    <>
      <table className="stack">
        <caption>Les démarches de la séance, et l’avis des personnes</caption>
        <thead>
          <tr>
            <th scope="col">Démarche</th>
            <th scope="col">Demandes déposées</th>
            <th scope="col">Faites en ligne par la personne</th>
            <th scope="col">Avis donnés</th>
            <th scope="col">Satisfaction (sur 10)</th>
            <th scope="col">Trouvée facile</th>
            <th scope="col">Faite sans aide</th>
            <th scope="col">Accessibilité</th>
            <th scope="col">Connexion avec FranceConnect</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.procedure}>
              <th scope="row" data-label="Démarche">
                {l.title}
              </th>
              <td data-label="Demandes déposées">{formatNumber(l.filed)}</td>
              <td data-label="Faites en ligne par la personne">{percent(l.onlineShare)}</td>
              <td data-label="Avis donnés">{formatNumber(l.opinions)}</td>
              <td data-label="Satisfaction (sur 10)">{l.satisfaction === null ? '—' : formatNumber(l.satisfaction)}</td>
              <td data-label="Trouvée facile">{percent(l.easy)}</td>
              <td data-label="Faite sans aide">{percent(l.helped === null ? null : 100 - l.helped)}</td>
              <td data-label="Accessibilité">Partiellement conforme</td>
              <td data-label="Connexion avec FranceConnect">Oui</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        « — » : moins de {smallestGroup} avis pour cette démarche. Les chiffres ne sont montrés qu’à partir de {smallestGroup} avis, pour que
        personne ne puisse reconnaître la réponse d’une autre personne.
      </p>
    </>
  );
}
