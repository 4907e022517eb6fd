// French typography in the sources: the text of string literals, templates and JSX gets its no-break spaces
// (lib/format.ts, frenchSpacing). `tsx scripts/typography.ts` lists what is missing (exit 1 if anything is);
// `--write` fixes it in place. A unit test runs the check, so new text follows the rule too.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { frenchSpacing } from '../lib/format';

const roots = ['app', 'lib', 'db/seed'];
const root = path.resolve(__dirname, '..');

// Code, not prose: SQL (tagged templates), imports, keys, class names, ids and paths, queries and selectors.
function isProse(owner: ts.Node): boolean {
  const parent = owner.parent;
  if (ts.isTaggedTemplateExpression(parent)) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === owner) return false;
  if (ts.isJsxAttribute(parent) && ['className', 'id', 'href', 'htmlFor', 'name', 'value', 'type', 'd', 'viewBox', 'src'].includes(parent.name.getText())) return false;
  if (ts.isCallExpression(parent) && /(?:prepare|exec|querySelector(?:All)?|raw|run)$/.test(parent.expression.getText())) return false;
  return true;
}

export type Finding = { file: string; line: number; text: string };

/** Rewrites one file's prose; returns the new text and where it changed. */
export function fixSource(file: string, source: string): { text: string; findings: Finding[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
    // A template's parts are judged by the template they belong to.
    const owner = ts.isTemplateHead(node) ? node.parent : ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.parent.parent : node;
    if (literal && isProse(owner)) {
      // The raw text between the delimiters, so that escapes stay as written.
      // JSX text starts at its full start: its leading space (" : " after an expression) belongs to it.
      const start = ts.isJsxText(node) ? node.pos : node.getStart(sf);
      const raw = source.slice(start, node.getEnd());
      const open = ts.isJsxText(node) ? 0 : 1;
      const close = ts.isJsxText(node) ? 0 : ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1;
      const inner = raw.slice(open, raw.length - close);
      const fixed = frenchSpacing(inner);
      if (fixed !== inner) edits.push({ start: start + open, end: node.getEnd() - close, text: fixed });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let text = source;
  const findings: Finding[] = [];
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(e.start).line + 1, text: source.slice(e.start, e.end).trim().slice(0, 80) });
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  return { text, findings: findings.reverse() };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every place in the sources where French text lacks its no-break spaces. */
export function checkSources(write = false): Finding[] {
  const all: Finding[] = [];
  for (const file of roots.flatMap((r) => sources(path.join(root, r)))) {
    const source = readFileSync(file, 'utf8');
    const { text, findings } = fixSource(path.relative(root, file), source);
    if (findings.length === 0) continue;
    all.push(...findings);
    if (write) writeFileSync(file, text);
  }
  return all;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const write = process.argv.includes('--write');
  const findings = checkSources(write);
  for (const f of findings) console.log(`${f.file}:${f.line}  ${f.text}`);
  console.log(write ? `${findings.length} textes corrigés.` : `${findings.length} textes sans espace insécable.`);
  if (!write && findings.length > 0) process.exit(1);
}
