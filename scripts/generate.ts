// Writes what the rules' metadata generates (package.json's severity schema, the README's table
// of codes, docs/rules/*.md, the config file's JSON schemas in schemas/) and removes docs of codes that no longer exist.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles } from './generated';

const root = join(__dirname, '..');
const files = generatedFiles();
for (const { path, content } of files) {
  const file = join(root, path);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
  console.log(`wrote ${path}`);
}
const docs = new Set(files.map(({ path }) => path));
for (const name of readdirSync(join(root, 'docs/rules'))) {
  if (!docs.has(`docs/rules/${name}`)) {
    rmSync(join(root, 'docs/rules', name));
    console.log(`removed docs/rules/${name}`);
  }
}
