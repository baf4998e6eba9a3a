/**
 * The JSON schema of STAR Notes' config file (`.star-notes.json`, `.star-notes.jsonc`, package.json's
 * `starNotes` key), made from the settings the manifest declares, so the file gets the settings'
 * completion, hover and validation in VS Code (`contributes.jsonValidation`) and in any editor
 * whose JSON server takes a `$schema`.
 */

export const CONFIG_SCHEMA_PATH = 'schemas/star-notes.schema.json';
export const PACKAGE_SCHEMA_PATH = 'schemas/package-json.schema.json';

/** What the manifest's `jsonValidation` says: which files get which schema. */
export const CONFIG_SCHEMA_ASSOCIATIONS = [
  { fileMatch: ['.star-notes.json', '.star-notes.jsonc'], url: `./${CONFIG_SCHEMA_PATH}` },
  // VS Code combines this with the schema it already has for package.json.
  { fileMatch: 'package.json', url: `./${PACKAGE_SCHEMA_PATH}` },
];

const SECTION = 'starNotes';
/** Keys of a VS Code setting declaration that mean nothing to a JSON schema validator outside the settings editor. */
const SETTINGS_ONLY = new Set(['scope', 'order', 'tags', 'ignoreSync', 'restricted', 'included']);

type Schema = Record<string, unknown>;

/**
 * The config file takes each setting as settings.json names it without `starNotes.` and nested
 * (`{"spelling": {"language": "en-GB"}}`), which completion offers, and also dotted
 * (`"spelling.language"`, `"starNotes.minWords"`), as runtime/configFile.ts reads it.
 */
function fileSchema(properties: Record<string, Schema>): { root: Schema; definitions: Record<string, Schema> } {
  const definitions: Record<string, Schema> = {};
  const root: Schema = { type: 'object', properties: {}, additionalProperties: false };
  const patternProperties: Record<string, Schema> = {};
  for (const [name, declared] of Object.entries(properties)) {
    if (!name.startsWith(`${SECTION}.`)) continue;
    const key = name.slice(SECTION.length + 1);
    definitions[key] = Object.fromEntries(Object.entries(declared).filter(([field]) => !SETTINGS_ONLY.has(field)));
    const ref = { $ref: `#/definitions/${key}` };
    const parts = key.split('.');
    let target = root;
    for (const part of parts.slice(0, -1)) {
      const children = target.properties as Record<string, Schema>;
      target = children[part] ??= { type: 'object', properties: {}, additionalProperties: false };
    }
    (target.properties as Record<string, Schema>)[parts[parts.length - 1]] = ref;
    const dotted = key.replaceAll('.', '\\.');
    patternProperties[parts.length > 1 ? `^(?:${SECTION}\\.)?${dotted}$` : `^${SECTION}\\.${dotted}$`] = ref;
  }
  (root.properties as Record<string, Schema>).$schema = { type: 'string', description: 'The JSON schema of this file.' };
  root.patternProperties = patternProperties;
  return { root, definitions };
}

/** The schema files, from the manifest's `contributes.configuration.properties`. */
export function configSchemas(properties: Record<string, Schema>): { path: string; schema: Schema }[] {
  const { root, definitions } = fileSchema(properties);
  const config = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'STAR Notes configuration',
    description: 'Settings for STAR Notes in the editor and for `star-notes check`: the keys of the VS Code settings without `starNotes.`. User and workspace settings win over this file.',
    ...root,
    definitions,
  };
  const packageJson = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { [SECTION]: { description: 'STAR Notes settings, as in `.star-notes.json`.', ...root } },
    definitions,
  };
  return [
    { path: CONFIG_SCHEMA_PATH, schema: config },
    { path: PACKAGE_SCHEMA_PATH, schema: packageJson },
  ];
}
