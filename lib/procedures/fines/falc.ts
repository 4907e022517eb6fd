// The fines pages in FALC (facile à lire et à comprendre), for the simplified mode: short sentences, one idea per
// line (lib/procedures/falc.test.ts holds them to the same rules as the procedures' steps).

export const finesFalc = {
  notices: ['Vous avez reçu une amende.', 'Une amende, c’est de l’argent à payer.', 'Si vous payez vite, c’est moins cher.', 'Si vous ne conduisiez pas, dites qui conduisait.', 'Si vous n’êtes pas d’accord, vous pouvez contester.'],
  pay: ['Vous payez avec une carte bancaire.', 'Ici, c’est une fausse carte, pour s’entraîner.', 'Recopiez les chiffres de la carte de test.', 'Vous recevez ensuite un reçu dans votre coffre-fort.'],
  designate: ['Vous ne conduisiez pas la voiture ?', 'Choisissez la personne qui conduisait.', 'Elle recevra l’amende à son nom.', 'Donner un faux nom est interdit.'],
} as const;
