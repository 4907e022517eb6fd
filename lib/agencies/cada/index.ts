import type { AgencyModule } from '../types';

/**
 * The CADA, simulated: an independent commission that gives opinions, not an administration that keeps files on
 * people. The matters a person brings to it are cases (lib/procedures/document-access), shown in their requests;
 * it owns no table of its own and serves nothing through the platform.
 */
export const cada: AgencyModule = {
  id: 'cada',
  items: {},
  holdings: async () => [],
};
