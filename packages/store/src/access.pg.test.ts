/** The access.suite on a real PostgreSQL server (the `postgres` vitest project), in a fresh database. */
import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from './open-store';
import { accessSuite } from './access.suite';

accessSuite('PostgreSQL', async () => {
  const adminUrl = inject('databaseUrl');
  const name = `jixiao_access_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    store,
    async dispose() {
      await store.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
});
