// Generates custom-elements.json (cem analyze --litelement) and VS Code's HTML custom data from it,
// so editors complete the tags, attributes and their values.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkg = new URL('../', import.meta.url);
const require = createRequire(import.meta.url);
const cli = require.resolve('@custom-elements-manifest/analyzer/cem.js');
execFileSync(process.execPath, [cli, 'analyze', '--litelement', '--globs', 'src/**/*.component.ts', 'src/internal/fk-element.ts', '--outdir', '.'], {
  cwd: pkg,
  stdio: 'inherit',
});

const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', pkg), 'utf8'));
const byName = new Map();
for (const mod of manifest.modules ?? []) for (const d of mod.declarations ?? []) byName.set(d.name, d);

/** Attributes of a class and of the classes it extends (the base class's api, lang, theme). */
function attributesOf(decl) {
  const own = decl.attributes ?? [];
  const parent = decl.superclass && byName.get(decl.superclass.name);
  const inherited = parent ? attributesOf(parent) : [];
  const names = new Set(own.map((a) => a.name));
  return [...own, ...inherited.filter((a) => !names.has(a.name))];
}

/** `'a' | 'b'` → values VS Code offers. */
function valuesOf(type) {
  const text = type?.text ?? '';
  const literals = [...text.matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
  return literals.length ? literals : undefined;
}

const tags = [];
for (const decl of byName.values()) {
  if (!decl.tagName) continue;
  tags.push({
    name: decl.tagName,
    description: [decl.summary, decl.description].filter(Boolean).join('\n\n'),
    attributes: attributesOf(decl).map((a) => ({
      name: a.name,
      description: a.description ?? '',
      ...(valuesOf(a.type) ? { values: valuesOf(a.type) } : {}),
      ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
    })),
  });
}
writeFileSync(new URL('vscode.html-custom-data.json', pkg), `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
console.log(`custom-elements.json and vscode.html-custom-data.json: ${tags.map((t) => `<${t.name}>`).join(', ')}`);
