import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { AsyncExecutor } from '../../db/engine';
import { parkingProofKinds } from '../../db/schema';
import { formatIsoDate } from '../format';
import { pdfText } from './pdf';
import type { FieldDef, Persona, ProcedureDef } from '../procedures/engine/types';
import { proofLabels } from '../procedures/parking-card/proofs';
import { agencyName } from '../platform/consent-text';

// The paper form of a procedure: a fillable PDF (AcroForm) with the same questions as the online steps,
// the identity pre-filled when the person is known. For people who cannot, or will not, go online.

type PaperSection = { title: string; fields: FieldDef[] };

const identityFields: FieldDef[] = [
  { kind: 'text', name: 'identite.nom', label: 'Nom de naissance' },
  { kind: 'text', name: 'identite.nom_usage', label: 'Nom d’usage (s’il y a lieu)' },
  { kind: 'text', name: 'identite.prenoms', label: 'Prénoms' },
  { kind: 'text', name: 'identite.naissance', label: 'Date et lieu de naissance' },
  { kind: 'text', name: 'identite.adresse', label: 'Adresse actuelle' },
  { kind: 'text', name: 'identite.telephone', label: 'Téléphone' },
];

export async function paperSections(def: ProcedureDef, db: AsyncExecutor): Promise<PaperSection[]> {
  if (def.id === 'carte-stationnement') {
    return [
      { title: 'Le véhicule', fields: [{ kind: 'text', name: 'vehicule.immatriculation', label: 'Immatriculation (par exemple AB-123-CD)' }] },
      { title: 'Les pièces jointes', fields: [{ kind: 'checkboxes', name: 'pieces', label: 'Cochez les copies jointes à ce formulaire', options: parkingProofKinds.map((k) => ({ value: k, label: proofLabels[k].label })) }] },
    ];
  }
  if (def.paper) return typeof def.paper === 'function' ? def.paper(new Date()) : def.paper;
  // The fields of each step do not depend on who fills them in (the identity is asked once, above).
  const ctx = { db, persona: null as unknown as Persona, answers: {} };
  return Promise.all(def.steps.map(async (step) => ({ title: step.title, fields: (await step.fields(ctx)).map((f) => ({ ...f, name: `${step.id}.${f.name}` })) })));
}

function prefill(persona: Persona | null): Record<string, string> {
  if (!persona) return {};
  return {
    'identite.nom': persona.familyName,
    'identite.nom_usage': persona.preferredName ?? '',
    'identite.prenoms': persona.givenNames,
    'identite.naissance': `${formatIsoDate(persona.birthdate)}, ${persona.birthplaceName} (${persona.birthcountryName})`,
    'identite.adresse': `${persona.addressLine}, ${persona.postalCode} ${persona.city}`,
    'identite.telephone': persona.phone,
  };
}


export async function renderPaperForm(def: ProcedureDef, db: AsyncExecutor, persona: Persona | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfText(`Formulaire papier : ${def.title} (simulation)`));
  pdf.setSubject('Formulaire fictif d’e-Guichet, simulateur pédagogique. Sans aucune valeur.');
  pdf.setLanguage('fr-FR');
  pdf.setProducer('e-Guichet');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const form = pdf.getForm();
  const values = prefill(persona);
  const margin = 50;
  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const width = page.getWidth() - 2 * margin;
  const room = (needed: number) => {
    if (y - needed < margin) {
      page = pdf.addPage([595.28, 841.89]);
      y = page.getHeight() - margin;
    }
  };
  const write = (text: string, font: PDFFont, size: number) => {
    room(size * 1.5);
    page.drawText(pdfText(text), { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1), maxWidth: width });
    y -= size * 1.5;
  };

  write('SIMULATION PÉDAGOGIQUE — FORMULAIRE FICTIF, SANS AUCUNE VALEUR', bold, 11);
  write(`Formulaire papier : ${def.title}`, bold, 18);
  const body = def.id === 'changement-adresse' ? 'de chaque organisme choisi' : def.id === 'acte-naissance' ? 'de la mairie du lieu de naissance' : `de ${agencyName('ville')}`;
  write(`À remplir à la main ou à l’écran, puis ${def.paperTo ?? `à remettre au guichet ${body} ou à un espace France Services`}.`, regular, 10);
  y -= 8;

  const sections: PaperSection[] = [{ title: 'Vous', fields: identityFields }, ...await paperSections(def, db), { title: 'Signature', fields: [{ kind: 'text', name: 'signature.date_lieu', label: 'Fait à, le' }] }];
  for (const section of sections) {
    room(40);
    y -= 6;
    write(section.title, bold, 13);
    for (const field of section.fields) {
      if (field.kind === 'text') {
        room(40);
        write(field.label, regular, 10);
        const box = form.createTextField(field.name);
        box.setText(values[field.name] ?? '');
        box.addToPage(page, { x: margin, y: y - 6, width, height: 20, font: regular });
        y -= 30;
      } else if (field.kind === 'file') {
        // On paper, a proof is a copy put in the envelope: a box to tick.
        room(24);
        form.createCheckBox(field.name).addToPage(page, { x: margin, y: y - 4, width: 11, height: 11 });
        page.drawText(pdfText(`${field.label} : copie jointe`), { x: margin + 18, y: y - 2, size: 10, font: regular });
        y -= 24;
      } else {
        room(20 + field.options.length * 18);
        write(field.label, regular, 10);
        if (field.kind === 'radio') {
          const group = form.createRadioGroup(field.name);
          for (const option of field.options) {
            room(18);
            group.addOptionToPage(option.value, page, { x: margin, y: y - 4, width: 11, height: 11 });
            page.drawText(pdfText(option.label), { x: margin + 18, y: y - 2, size: 10, font: regular });
            y -= 18;
          }
        } else {
          for (const option of field.options) {
            room(18);
            form.createCheckBox(`${field.name}.${option.value}`).addToPage(page, { x: margin, y: y - 4, width: 11, height: 11 });
            page.drawText(pdfText(option.label), { x: margin + 18, y: y - 2, size: 10, font: regular });
            y -= 18;
          }
        }
        y -= 6;
      }
    }
  }
  return pdf.save();
}
