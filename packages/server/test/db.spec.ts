import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate, type Db } from '../src/index.ts';
import { openTestDb, testDatabases } from './helpers.ts';

describe.each(testDatabases())('the database layer on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(() => db?.close());

  it('has applied every migration once, and a second run applies none', async () => {
    const { rows } = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('behaves the same on both engines: bigint as number, jsonb, conflicts, errors', async () => {
    // A real table: node-postgres is a pool, and a TEMP table lives on one connection only.
    await db.exec('DROP TABLE IF EXISTS probe; CREATE TABLE probe (id bigserial PRIMARY KEY, key text UNIQUE, data jsonb)');
    const inserted = await db.query<{ id: number; data: unknown }>('INSERT INTO probe (key, data) VALUES ($1, $2::jsonb) RETURNING id, data', ['a', JSON.stringify(['x', { y: 1 }])]);
    expect(inserted.rows[0]).toEqual({ id: 1, data: ['x', { y: 1 }] });
    const again = await db.query('INSERT INTO probe (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING id', ['a']);
    expect(again.rows).toEqual([]);
    const count = await db.query<{ n: number }>('SELECT count(*) AS n FROM probe');
    expect(count.rows[0]!.n).toBe(1);
    await expect(db.query('INSERT INTO probe (key) VALUES ($1)', ['a'])).rejects.toMatchObject({ code: '23505' });
    const arrays = await db.query<{ n: number }>('SELECT count(*) AS n FROM probe WHERE key = ANY($1::text[])', [['a', 'b']]);
    expect(arrays.rows[0]!.n).toBe(1);
    await db.exec('DROP TABLE probe');
  });
});
