import { readFileSync } from 'node:fs';

/** The committed layout fixtures (fixtures/layout, made by scripts/make-layout-fixtures.sh): tests never call soffice. */
export function layoutFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../../fixtures/layout/${name}`, import.meta.url)));
}
