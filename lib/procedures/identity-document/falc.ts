// The identity document's own pages in FALC (simplified mode); lib/procedures/falc.test.ts holds them to its rules.

export const identityFalc = {
  booking: ['Il faut aller dans une mairie.', 'Toutes les mairies ne peuvent pas le faire.', 'Choisissez une mairie et une heure.', 'Une mairie plus loin a parfois de la place plus tôt.'],
  stamp: ['Un passeport coûte de l’argent.', 'On le paie avec un timbre acheté ici.', 'Choisissez le bon timbre.', 'Payez avec la carte de test.', 'Recopiez le numéro du timbre dans votre demande.'],
  waiting: ['Allez à la mairie le jour du rendez-vous.', 'Apportez une photo et vos papiers.', 'La mairie prend vos empreintes.', 'Ensuite, on fabrique votre papier.', 'Vous revenez le chercher à la mairie.'],
} as const;
