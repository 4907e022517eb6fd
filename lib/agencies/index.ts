import type { AgencyId } from '../../db/schema';
import { antai } from './antai';
import { cada } from './cada';
import { caf } from './caf';
import { cpam } from './cpam';
import { dgfip } from './dgfip';
import { etatCivil } from './etat-civil';
import { franceTravail } from './france-travail';
import { laPoste } from './la-poste';
import { retraite } from './retraite';
import type { AgencyModule } from './types';
import { siv } from './siv';
import { ville } from './ville';

/** Every simulated body, by id. */
export const agencyModules: Record<AgencyId, AgencyModule> = {
  dgfip,
  siv,
  caf,
  cpam,
  'france-travail': franceTravail,
  retraite,
  'la-poste': laPoste,
  'etat-civil': etatCivil,
  ville,
  cada,
  antai,
};
