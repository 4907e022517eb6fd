// One schema, split by bounded context (docs/ARCHITECTURE.md).
export * from './reference';
export * from './identity';
export * from './classroom';
export * from './world';
export * from './agents';
export * from './idp';
export * from './agencies/dgfip';
export * from './agencies/siv';
export * from './agencies/caf';
export * from './agencies/cpam';
export * from './agencies/france-travail';
export * from './agencies/retraite';
export * from './agencies/la-poste';
export * from './agencies/etat-civil';
export * from './agencies/ville';
export * from './platform';
export * from './cases';
