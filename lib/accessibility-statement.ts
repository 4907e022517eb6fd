// The accessibility statement (RGAA model): what was measured, how, and what is not yet accessible. Data rather than a
// page so that the assistant can quote it (lib/assistant/corpus.ts); app/accessibilite/page.tsx renders it.

/** A paragraph or list item; `link` turns the words `label` of the text into a link. */
export type StatementItem = string | { text: string; link: { label: string; href: string } };
export type StatementSection = { id: string; title: string; list?: boolean; items: StatementItem[] };

export const accessibilityStatement: { lead: string; sections: StatementSection[]; date: string } = {
  lead: 'L’équipe d’e-Guichet s’engage à rendre ce simulateur accessible à toutes et à tous, élèves comme enseignant·e·s. Cette déclaration s’applique à l’application e-Guichet (toutes ses pages).',
  sections: [
    {
      id: 'conformite',
      title: 'État de conformité',
      items: [
        'e-Guichet est partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA, version 4.1), qui reprend les critères des règles internationales WCAG 2.1 aux niveaux A et AA. Aucun audit complet n’a encore été fait par un organisme extérieur : les résultats ci-dessous viennent de nos propres tests.',
      ],
    },
    {
      id: 'tests',
      title: 'Comment nous avons testé',
      list: true,
      items: [
        'Chaque page visitée par nos tests automatiques est analysée par l’outil axe-core (règles WCAG 2.0, 2.1 et 2.2 niveaux A et AA, et bonnes pratiques) : aucune erreur n’est acceptée. Les pages sont visitées en étant connecté·e avec chaque rôle : citoyen·ne, agent, aidant·e, enseignant·e, élève.',
        'Des parcours complets sont faits au clavier seulement (sans souris), du lien « Aller au contenu » jusqu’à l’envoi de la demande.',
        'Les formulaires sont vérifiés : chaque champ a son étiquette, chaque erreur est écrite à côté du champ, une liste des erreurs prend le focus et est annoncée.',
        'Les couleurs du texte et du fond ont un contraste d’au moins 4,5 pour 1 ; un mode « contraste renforcé » existe.',
        'Navigateur de test : Chromium (Debian), sur Linux.',
      ],
    },
    {
      id: 'non-accessible',
      title: 'Ce qui n’est pas encore accessible',
      list: true,
      items: [
        'Les documents PDF (actes, cartes, accusés de réception) ne sont pas des PDF « balisés » : un lecteur d’écran peut mal les lire. Toutes leurs informations sont aussi affichées en texte sur la page de la demande et sur la page de vérification du document.',
        'La carte des échanges de l’enseignant·e est une image : son équivalent en texte est le résumé sous la carte et le fil de la séance.',
        'Le mode simplifié couvre chaque étape des démarches des citoyen·ne·s, mais pas encore les pages des agents, des aidant·e·s et de l’enseignant·e. Ses textes sont « inspirés du FALC » : ils n’ont pas été relus par des personnes en situation de handicap intellectuel, comme la méthode le demande.',
        'La lecture à voix haute dépend des voix installées sur l’appareil ; certains navigateurs n’en ont pas.',
        'Les parcours n’ont pas encore été testés avec un lecteur d’écran (NVDA, JAWS, VoiceOver) par une personne qui l’utilise au quotidien.',
        'L’assistant « Une question ? » cherche dans les textes d’e-Guichet : il ne comprend pas les phrases comme une personne, et peut se tromper de passage. Il propose toujours de parler à un conseiller.',
      ],
    },
    {
      id: 'affichage',
      title: 'Adapter l’affichage',
      items: [
        {
          text: 'La page Affichage et accessibilité permet d’agrandir le texte jusqu’à 200 %, de renforcer le contraste, d’espacer le texte, de supprimer les animations, de passer en mode simplifié et d’activer la lecture à voix haute.',
          link: { label: 'Affichage et accessibilité', href: '/preferences' },
        },
      ],
    },
    {
      id: 'contact',
      title: 'Retour d’information et contact',
      items: [
        'e-Guichet est une simulation pour la classe. Si vous ne pouvez pas utiliser une page, dites-le à votre enseignant·e : il ou elle peut vous donner un autre rôle ou vous faire utiliser le formulaire papier. Les défauts peuvent aussi être signalés à l’équipe du projet (logiciel libre).',
      ],
    },
    {
      id: 'recours',
      title: 'Dans la réalité : les voies de recours',
      items: [
        'Sur un vrai site public, si vous signalez un défaut d’accessibilité et ne recevez pas de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (par son formulaire en ligne, par un de ses délégués, ou par courrier gratuit). Ce site étant fictif, ce recours ne s’applique pas ici.',
      ],
    },
  ],
  date: 'Déclaration établie le 23 novembre 2026, mise à jour le 3 décembre 2026.',
};
