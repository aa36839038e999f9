/** The committed JSON Schema is what the script writes from the zod schema (run the script when this fails). */
import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interchangeSchemaText, SCHEMA_FILE } from './write-interchange-schema';

const FIXTURES = resolve(fileURLToPath(new URL('../fixtures/interchange', import.meta.url)));

describe('docs/jixiao-v1.schema.json', () => {
  it('is what scripts/write-interchange-schema.ts generates (npx tsx scripts/write-interchange-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(interchangeSchemaText());
  });

  it('describes the spec example: its fields are known, kind may be left out of a target, a problem needs no code', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      $defs: Record<string, { required?: string[]; properties: Record<string, unknown> }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'kind', 'amountUnit']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs['Target']!.required).toEqual(['text', 'op', 'value', 'unit']);
    expect(schema.$defs['Problem']!.required).not.toContain('code');
    const example = JSON.parse(readFileSync(join(FIXTURES, 'spec-example.json'), 'utf8')) as { units: Array<{ projects: Array<Record<string, unknown>> }> };
    for (const key of Object.keys(example.units[0]!.projects[0]!)) expect(Object.keys(schema.$defs['Project']!.properties)).toContain(key);
    expect(readdirSync(FIXTURES)).toContain('spec-example.json');
  });
});
