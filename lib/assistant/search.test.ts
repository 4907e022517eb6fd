import { describe, expect, it } from 'vitest';
import { findAnswer } from './search';

// Questions as students type them (typos, no accents, spoken French), each with the passage(s) that answer it: where
// two passages say the same thing (a step and its "En vrai"), either is right.
const questions: [string, string[]][] = [
  ['c combien un passeport ?', ['demarche:titre-identite:en-vrai:2', 'demarche:titre-identite:etape:titre']],
  ['la carte d identité est elle gratuite', ['demarche:titre-identite:etape:titre', 'demarche:titre-identite:en-vrai:2']],
  ['jai combien de temps pour contester une amende', ['demarche:contestation-amende:en-vrai:1']],
  ['j ai pas de preuve pour contester mon amande', ['demarche:contestation-amende:etape:piece']],
  ['c quoi un extrait sans filiation', ['demarche:acte-naissance:etape:type']],
  ['je suis né a l etranger ou demander mon acte de naissance', ['demarche:acte-naissance:en-vrai:2', 'demarche:acte-naissance']],
  ['est ce que l acte de naissance est payant', ['demarche:acte-naissance:en-vrai:1']],
  ['jai demenagé comment prevenir les organismes', ['demarche:changement-adresse', 'demarche:changement-adresse:etape:organismes']],
  ['est-ce que la poste fait suivre mon courrier', ['demarche:changement-adresse:en-vrai:2']],
  ['faut il changer la carte grise apres un demenagement', ['demarche:changement-adresse:en-vrai:2']],
  ['quelle date mettre pour le déménagment', ['demarche:changement-adresse:etape:date']],
  ['qui peut avoir la carte de stationement residentiel', ['demarche:carte-stationnement']],
  ['la mairie ne repond pas a ma demande de document', ['demarche:acces-document:en-vrai:3', 'demarche:saisine-cada']],
  ['c est quoi la cada', ['demarche:saisine-cada']],
  ['combien coute une copie papier d un document administratif', ['demarche:acces-document:en-vrai:2']],
  ['jusqu a quand je peux saisir la cada', ['demarche:saisine-cada:en-vrai:1']],
  ['l avis de la cada est il obligatoire pour l administration', ['demarche:saisine-cada:en-vrai:2']],
  ['qui a droit a la prime d activité', ['demarche:prime-activite']],
  ['pourquoi ma demande de prime est deja remplie', ['demarche:prime-activite', 'habilitation:5']],
  ['dois je donner mon accord pour que la caf connaisse mes revenus', ['demarche:prime-activite:en-vrai:2', 'habilitation:3', 'habilitation:5']],
  ['ou faire la demande de prime d activite en vrai', ['demarche:prime-activite:en-vrai:1']],
  ['on prend les empreintes pour le passeport ?', ['demarche:titre-identite', 'demarche:titre-identite:etape:signalement', 'demarche:titre-identite:etape:pour']],
  ['ou acheter le timbre fiscal', ['demarche:titre-identite:etape:timbre']],
  ['mon passeport a ete volé que faire', ['demarche:titre-identite:etape:motif']],
  ['je voudrais agrandir le texte', ['accessibilite:affichage']],
  ['les pdf marchent avec un lecteur d ecran ?', ['accessibilite:non-accessible']],
  ['que sait la dgfip de mon adresse fiscale', ['catalogue:dgfip.adresse_fiscale', 'habilitation:1']],
  ['pourquoi la ville regarde les vehicules a mon nom', ['habilitation:2', 'catalogue:siv.vehicules']],
  ['comment l antai connait le titulaire du vehicule flashé par un radar', ['habilitation:7']],
  ['pour qui je peux demander un acte de naissance', ['demarche:acte-naissance:etape:demandeur']],
];

const offTopic = ['Quelle est la capitale de l’Australie ?', 'Tu peux me donner une recette de crêpes ?', 'Qui a gagné la coupe du monde de foot ?', 'Quel temps fera-t-il demain ?', 'Raconte-moi une blague'];

describe('the assistant’s search', () => {
  it('puts the right passage first for at least 25 of 30 questions', async () => {
    const misses: string[] = [];
    for (const [question, expected] of questions) {
      const found = await findAnswer(question);
      if (!found || !expected.includes(found.passage.id)) misses.push(`${question} → ${found?.passage.id ?? 'je ne sais pas'}`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(5);
  });

  it('says it does not know when the question is off-topic', async () => {
    for (const question of offTopic) expect(await findAnswer(question), question).toBeNull();
  });

  it('quotes sentences of the passage it links to', async () => {
    const found = await findAnswer('combien coute une copie papier d un document administratif');
    expect(found?.passage.text).toContain(found!.quote);
    expect(found?.quote).toMatch(/0,18\u00a0€/);
    expect(found?.passage.href).toBe('/citoyen/demarches/acces-document');
  });
});
