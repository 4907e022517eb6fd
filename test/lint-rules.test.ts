import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
import jsxLostSpace from '../scripts/lint/jsx-lost-space.mjs';

// Our own lint rules, on the slips they exist for and on the code they must leave alone.
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } });
const page = (body: string) => `const x = (\n  <p>\n${body}\n  </p>\n);`;

tester.run('jsx-lost-space', jsxLostSpace, {
  valid: [
    page(`    Vous avez{' '}\n    {n} demandes`),
    page(`    Message d’\n    {name}`),
    page(`    ({n}\n    ).`),
    page(`    Total\n    {n > 1 ? ', plusieurs' : ''}`),
    page(`    {lead ? 'Attention : ' : ''}\n    lisez ceci`),
    page(`    Première ligne\n    <br />\n    seconde`),
    page(`    Collé{/* sans espace */}\n    {n}`),
    page(`    Sur une ligne {n} demandes`),
  ],
  invalid: [
    { code: page(`    par les personnes ;\n    {n} justificatifs`), errors: [{ messageId: 'next' }] },
    { code: page(`    {n}\n    demandes en attente`), errors: [{ messageId: 'previous' }] },
    { code: page(`    Lisez la\n    <strong>notice</strong>`), errors: [{ messageId: 'next' }] },
    { code: page(`    Bonjour\n    {\`\${name} !\`}`), errors: [{ messageId: 'next' }] },
    { code: page(`    Réseau simulé\n    <span className="hint">Pour les zones mal couvertes.</span>`), errors: [{ messageId: 'next' }] },
  ],
});
