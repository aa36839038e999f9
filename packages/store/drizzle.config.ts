/**
 * drizzle-kit configuration: `npm run db:generate` (from the repository root) writes the SQL migrations of
 * src/schema.ts into packages/store/drizzle/, offline. Paths are relative to this file, not to the shell's cwd.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

const here = dirname(fileURLToPath(import.meta.url));
/** drizzle-kit prefixes `./` to the snapshot paths it reads back, so `out` must be relative (to the cwd it runs in). */
const fromCwd = (path: string) => relative(process.cwd(), path) || '.';

export default defineConfig({
  dialect: 'postgresql',
  schema: join(here, 'src/schema.ts'),
  out: fromCwd(join(here, 'drizzle')),
});
