// npm run db:migrate | db:seed | db:reset
import { applyMigrations, openDatabase } from '../db/client';
import { databaseUrl } from '../db/engine';
import { migratePostgres } from '../db/pg/migrate';
import { readEnv } from '../lib/env';
import { prepare } from './runtime';

const command = process.argv[2];
const env = readEnv();

async function main() {
  switch (command) {
    case 'migrate': {
      const url = databaseUrl();
      if (url) {
        await migratePostgres(url);
        console.log('Migrations appliquées (PostgreSQL).');
        break;
      }
      const db = openDatabase(env.dbPath);
      applyMigrations(db);
      db.$client.close();
      console.log(`Migrations appliquées : ${env.dbPath}`);
      break;
    }
    case 'seed':
    case 'reset': {
      const { where, result } = await prepare({ resetDatabase: command === 'reset' });
      console.log(`${command === 'reset' ? 'Base remise à zéro' : 'Base prête'} : ${where}`);
      console.log(`Séance de démonstration : « ${result.demo.name} », code ${result.demo.joinCode}`);
      break;
    }
    default:
      console.error('Usage : tsx scripts/db.ts migrate|seed|reset');
      process.exit(2);
  }
}

void main();
