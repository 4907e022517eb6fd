import { and, eq } from 'drizzle-orm';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { procedures } from '../procedures/registry';
import { renderPaperForm } from './paper-form';
import { pdfText } from '../../test/pdf-text';

describe('the paper forms', () => {
  it.each(Object.keys(procedures) as (keyof typeof procedures)[])('%s: the PDF opens and holds the procedure’s fields', async (id) => {
    const db = await freshDb();
    const pdf = await PDFDocument.load(await renderPaperForm(procedures[id], db, null));
    const names = pdf.getForm().getFields().map((f) => f.getName());
    expect(names).toEqual(expect.arrayContaining(['identite.nom', 'identite.prenoms', 'signature.date_lieu']));
    const expected = {
      'acte-naissance': ['demandeur.lien', 'personne.nom', 'personne.date', 'personne.lieu', 'type.type'],
      'changement-adresse': ['adresse.voie', 'adresse.code_postal', 'date.date', 'organismes.organismes.caf', 'organismes.organismes.siv'],
      'carte-stationnement': ['vehicule.immatriculation', 'pieces.avis_imposition', 'pieces.justificatif_domicile'],
      'acces-document': ['organisme.organisme', 'document.document', 'mode.mode'],
      'saisine-cada': ['refus.dossier', 'refus.organisme', 'observations.observations'],
      'prime-activite': ['foyer.personnes', 'revenus.mois1', 'revenus.mois3', 'revenus.autres', 'pieces.avis_imposition', 'pieces.attestation_france_travail'],
      'contestation-amende': ['avis.numero', 'motif.motif', 'motif.explication', 'piece.piece'],
      'titre-identite': ['titre.titre', 'motif.motif', 'signalement.taille', 'signalement.yeux', 'signalement.nom_usage'],
    }[id];
    expect(names).toEqual(expect.arrayContaining(expected));
    expect(pdf.getTitle()).toContain(procedures[id].title);
  });

  it('says where each form goes, and what paper costs the prime d’activité: the copies the bodies give online', async () => {
    const db = await freshDb();
    const words = async (id: keyof typeof procedures) => pdfText(await renderPaperForm(procedures[id], db, null));
    const bonus = await words('prime-activite');
    expect(bonus).toContain('à envoyer à votre CAF');
    expect(bonus).toContain('Votre dernier avis d');
    expect(bonus).toMatch(/En ligne, la CAF demande elle-même ces informations/);
    expect(bonus).not.toContain('Villeneuve');
    expect(await words('saisine-cada')).toContain('à envoyer par courrier à la CADA');
    expect(await words('carte-stationnement')).toContain('Villeneuve');
    expect(await words('contestation-amende')).toMatch(/lettre recommandée[\s\S]*La preuve \(récépissé de plainte, certificat de cession, photo.?\)\s:\scopie jointe/);
  });

  it('is pre-filled with the identity when the person is known', async () => {
    const db = await freshDb();
    const session = (await demoSession(db))!.id;
    const marcel = (await db.select().from(personas).where(and(eq(personas.key, 'marcel-dupuis'), eq(personas.classSessionId, session))).get())!;
    const pdf = await PDFDocument.load(await renderPaperForm(procedures['acte-naissance'], db, marcel));
    const field = (name: string) => (pdf.getForm().getField(name) as PDFTextField).getText();
    expect(field('identite.nom')).toBe('Dupuis');
    expect(field('identite.prenoms')).toBe('Marcel André');
    expect(field('identite.adresse')).toBe(`${marcel.addressLine}, ${marcel.postalCode} ${marcel.city}`);
  });
});
