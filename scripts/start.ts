// npm start: builds when needed, prepares the database, serves, prints the URL and the teacher's login.
import { readFirstLogin } from '../lib/auth/teacher';
import { ensureBuild, prepare } from './runtime';
import { serve, workerCount } from './serve';

const resetDatabase = process.argv.includes('--reset-database');

async function main() {
  const { env, where, result } = await prepare({ resetDatabase });

  ensureBuild();

  const workers = workerCount();
  const served = serve({ port: env.port, workers, platformPort: env.platformPort, env: { EGUICHET_URL: env.baseUrl, NEXTAUTH_URL: env.baseUrl, EGUICHET_DATA_DIR: env.dataDir, EGUICHET_DB: env.dbPath, ...(env.platformUrl !== env.baseUrl ? { EGUICHET_PLATFORM_URL: env.platformUrl } : {}) } });

  async function announceWhenReady() {
    for (let i = 0; i < 120; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${env.port}/api/sante`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const login = readFirstLogin(env.dataDir);
    console.log('');
    console.log('  e-Guichet est prêt.');
    console.log(`  Adresse : ${env.baseUrl}`);
    console.log(`  Compte enseignant : ${result.teacher.email}`);
    console.log(`  Mot de passe : ${login ? login.password : '(celui défini par EGUICHET_TEACHER_PASSWORD)'}`);
    console.log(`  Séance de démonstration : code ${result.demo.joinCode}`);
    console.log(`  Données : ${env.dataDir} (base : ${where})`);
    console.log(`  Processus du serveur : ${workers} (EGUICHET_WORKERS pour changer)`);
    if (env.platformPort) console.log(`  API d’échange de la plateforme, dans un processus à part : ${env.platformUrl}`);
    console.log('');
  }
  void announceWhenReady();

  void served.then((code) => process.exit(code));
}

void main();
