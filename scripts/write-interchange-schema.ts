/**
 * Writes docs/jixiao-v1.schema.json, the published JSON Schema of the interchange format, from the contract's zod
 * schema (`interchangeJsonSchema`, also served at GET /api/schemas/jixiao-v1.json). Run after changing the schema:
 *   npx tsx scripts/write-interchange-schema.ts
 * write-interchange-schema.test.ts fails when the committed file is not what this writes, so the two cannot drift.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { interchangeJsonSchema } from '@jixiao/contract';

export const SCHEMA_FILE = resolve(fileURLToPath(new URL('../docs/jixiao-v1.schema.json', import.meta.url)));

/** The file's text: the schema, two-space indented, one trailing newline. */
export function interchangeSchemaText(): string {
  return `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const text = interchangeSchemaText();
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE} (${text.length} characters)`);
}
