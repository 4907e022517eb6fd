import { engineNameFromEnv, tablesFor } from './engine';

// The tables of the engine this process runs on (EGUICHET_DATABASE_URL: PostgreSQL; otherwise SQLite), typed as the
// SQLite schema's. Domain code on the asynchronous layer imports its tables from here, its types and constants from
// ./schema. db/tables.test.ts checks that every table of the schema is here.
const active = tablesFor(engineNameFromEnv());

export const agencies = active.agencies;
export const communes = active.communes;
export const streets = active.streets;
export const teachers = active.teachers;
export const classSessions = active.classSessions;
export const personas = active.personas;
export const agents = active.agents;
export const idpSessions = active.idpSessions;
export const oidcAccessTokens = active.oidcAccessTokens;
export const oidcClients = active.oidcClients;
export const oidcCodes = active.oidcCodes;
export const oidcInteractions = active.oidcInteractions;
export const dgfipTaxpayers = active.dgfipTaxpayers;
export const sivVehicles = active.sivVehicles;
export const cafBeneficiaries = active.cafBeneficiaries;
export const cpamInsured = active.cpamInsured;
export const franceTravailJobseekers = active.franceTravailJobseekers;
export const retraitePensioners = active.retraitePensioners;
export const laPosteCustomers = active.laPosteCustomers;
export const birthRecords = active.birthRecords;
export const villeParkingCards = active.villeParkingCards;
export const antaiNotices = active.antaiNotices;
export const consentWithdrawals = active.consentWithdrawals;
export const consents = active.consents;
export const exchangeTraces = active.exchangeTraces;
export const journalEntries = active.journalEntries;
export const journalHeads = active.journalHeads;
export const journalVerifications = active.journalVerifications;
export const journalTallies = active.journalTallies;
export const platformFaults = active.platformFaults;
export const platformTokens = active.platformTokens;
export const addressNotices = active.addressNotices;
export const caseEvents = active.caseEvents;
export const caseFiles = active.caseFiles;
export const appointments = active.appointments;
export const fiscalStamps = active.fiscalStamps;
export const cases = active.cases;
export const documents = active.documents;
export const notificationReads = active.notificationReads;
export const aidants = active.aidants;
export const mandates = active.mandates;
export const classroomMessages = active.classroomMessages;
export const participants = active.participants;
export const rateLimits = active.rateLimits;
export const userPreferences = active.userPreferences;
export const actionKeys = active.actionKeys;
export const flashMessages = active.flashMessages;
export const assistantConversations = active.assistantConversations;
export const assistantMessages = active.assistantMessages;
export const opinions = active.opinions;
export const ideas = active.ideas;
export const ideaVotes = active.ideaVotes;
