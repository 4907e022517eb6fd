// npm run db:migrate | db:seed | db:reset
import { applyMigrations, openDatabase } from '../db/client';
import { readEnv } from '../lib/env';
import { prepare } from './runtime';

const command = process.argv[2];
const env = readEnv();

async function main() {
  switch (command) {
    case 'migrate': {
      const db = openDatabase(env.dbPath);
      applyMigrations(db);
      db.$client.close();
      console.log(`Migrations appliquées : ${env.dbPath}`);
      break;
    }
    case 'seed':
    case 'reset': {
      const { db, result } = await prepare({ resetDatabase: command === 'reset' });
      db.$client.close();
      console.log(`${command === 'reset' ? 'Base remise à zéro' : 'Base prête'} : ${env.dbPath}`);
      console.log(`Séance de démonstration : « ${result.demo.name} », code ${result.demo.joinCode}`);
      break;
    }
    default:
      console.error('Usage : tsx scripts/db.ts migrate|seed|reset');
      process.exit(2);
  }
}

void main();
