import type { Metadata } from 'next';
import { database } from '@/db/engine';
import { legalBasisLabels, purposes } from '@/lib/platform/catalogue';
import { publicCatalogue } from '@/lib/platform/catalogue-view';

export const metadata: Metadata = { title: 'L’État plateforme : qui peut demander quoi' };

export default async function PlatformPage() {
  const catalogue = await publicCatalogue(database());
  const agencyName = new Map(catalogue.organismes.map((o) => [o.id, o.sigle]));
  const itemLabel = new Map(catalogue.donnees.map((d) => [d.id, d.libelle]));
  return (
    <>
      <h1>L’État plateforme : qui peut demander quoi, et pourquoi</h1>
      <p className="lead">
        Chaque organisme garde ses propres données. Quand un autre organisme en a besoin, il les demande par la
        plateforme d’échange, qui vérifie qu’il y est autorisé (une « habilitation ») et, si la loi l’exige, que la
        personne a donné son accord.
      </p>
      <p>
        Ainsi, vous n’avez pas à fournir un document qu’une administration possède déjà. Mais un organisme ne voit que
        les données prévues, pour le but prévu.
      </p>

      <section aria-labelledby="habilitations">
        <h2 id="habilitations">Les habilitations</h2>
        <table className="stack">
          <caption>Qui peut demander quelles données, à qui, pour quoi, et sur quelle base</caption>
          <thead>
            <tr>
              <th scope="col">Qui demande</th>
              <th scope="col">À qui</th>
              <th scope="col">Quelles données</th>
              <th scope="col">Pour quoi</th>
              <th scope="col">Sur quelle base</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.habilitations.map((h) => (
              <tr key={`${h.consommateur}-${h.fournisseur}-${h.finalite}`}>
                <td data-label="Qui demande">{agencyName.get(h.consommateur)}</td>
                <td data-label="À qui">{agencyName.get(h.fournisseur)}</td>
                <td data-label="Quelles données">{h.donnees.map((d) => itemLabel.get(d) ?? d).join(', ')}</td>
                <td data-label="Pour quoi">
                  {purposes[h.finalite]}
                  <br />
                  <span className="hint">{h.justification}</span>
                </td>
                <td data-label="Sur quelle base">{legalBasisLabels[h.base_legale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="donnees">
        <h2 id="donnees">Les données que chaque organisme peut fournir</h2>
        <table className="stack">
          <caption>Catalogue des données</caption>
          <thead>
            <tr>
              <th scope="col">Organisme</th>
              <th scope="col">Donnée</th>
              <th scope="col">Ce qu’elle contient</th>
              <th scope="col">Code technique</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.donnees.map((d) => (
              <tr key={d.id}>
                <td data-label="Organisme">{agencyName.get(d.fournisseur)}</td>
                <td data-label="Donnée">{d.libelle}</td>
                <td data-label="Ce qu’elle contient">{d.detail}</td>
                <td data-label="Code technique">
                  <code>{d.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Le même catalogue est disponible au format JSON : <a href="/api/plateforme/v1/catalogue">/api/plateforme/v1/catalogue</a>.
        </p>
      </section>

      <section aria-labelledby="organismes">
        <h2 id="organismes">Les organismes simulés</h2>
        <ul>
          {catalogue.organismes.map((o) => (
            <li key={o.id}>
              <strong>{o.nom}</strong> : {o.mission}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
