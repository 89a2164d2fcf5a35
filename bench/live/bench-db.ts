import { randomBytes, randomUUID } from 'node:crypto';
import type { AppConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database/orm.config';
import { dropDatabase } from '@hocvuso/database/migrate';
import { MikroORM } from '@mikro-orm/postgresql';

/** Province code of the benchmark's places (two digits no official unit uses). */
const PROVINCE = '97';
const COMMUNES = 4;

export interface BenchSession {
  sessionId: string;
  trainerAccountId: string;
  places: { villageId: string; communeCode: string }[];
}

/**
 * The benchmark's own database: created fresh and migrated by `npm run db:migrate`'s own command,
 * holding a province with a few communes and villages, a trainer account and one LIVE session.
 * The session is inserted directly (no GraphQL round trip): what the gateway reads of it is its
 * row, its trainer and its status.
 */
export class BenchDatabase {
  private constructor(
    readonly config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>,
    private readonly orm: MikroORM,
  ) {}

  /** `migrate` creates the database named in the URL and applies the migrations. */
  static async create(
    baseUrl: string,
    name: string,
    migrate: (databaseUrl: string) => Promise<void>,
  ): Promise<BenchDatabase> {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const config = { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 };
    await migrate(config.DATABASE_URL);
    const orm = await MikroORM.init({
      ...createOrmOptions(config),
      entities: [],
      discovery: { warnWhenNoEntities: false },
    });
    return new BenchDatabase(config, orm);
  }

  async sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(query, params);
  }

  async createSession(): Promise<BenchSession> {
    await this.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text)
       values (?, 'Đo Tải', 'Tỉnh Đo Tải', 'Bench', 'PROVINCE', 'do tai')`,
      [PROVINCE],
    );
    const places: BenchSession['places'] = [];
    for (let i = 1; i <= COMMUNES; i++) {
      const communeCode = `${PROVINCE}${100 + i}`;
      await this.sql(
        `insert into commune (code, province_code, name, full_name, name_en, kind, search_text)
         values (?, ?, ?, ?, ?, 'XA', ?)`,
        [communeCode, PROVINCE, `Xã Số ${i}`, `Xã Số ${i}`, `Commune ${i}`, `xa so ${i}`],
      );
      const villageId = randomUUID();
      await this.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, ?, ?, 'THON', ?)`, [
        villageId,
        communeCode,
        `Thôn ${i}`,
        `thon ${i}`,
      ]);
      places.push({ villageId, communeCode });
    }
    const trainerAccountId = randomUUID();
    await this.sql(`insert into account (id, username, display_name, password_hash) values (?, ?, ?, ?)`, [
      trainerAccountId,
      `bench-trainer-${trainerAccountId.slice(0, 8)}`,
      'Giảng viên đo tải',
      'not-a-password-hash',
    ]);
    const sessionId = randomUUID();
    await this.sql(
      `insert into live_session (id, title, scheduled_start, scheduled_end, stream_url, target_province_codes,
         join_code, status, started_at, created_by)
       values (?, 'Đo tải lớp học trực tuyến', now() - interval '1 minute', now() + interval '2 hours',
         'https://stream.example.vn/live/bench', ?::text[], ?, 'LIVE', now(), ?)`,
      [sessionId, `{${PROVINCE}}`, randomBytes(3).toString('hex').toUpperCase(), trainerAccountId],
    );
    await this.sql(`insert into live_session_trainer (id, session_id, account_id) values (?, ?, ?)`, [
      randomUUID(),
      sessionId,
      trainerAccountId,
    ]);
    return { sessionId, trainerAccountId, places };
  }

  async pollTally(pollId: string): Promise<{ answerCount: number | null; talliesSum: number | null }> {
    const [row] = await this.sql<{ answer_count: number | null; tallies: number[] | null }>(
      `select answer_count, tallies from live_poll where id = ?`,
      [pollId],
    );
    return {
      answerCount: row?.answer_count ?? null,
      talliesSum: row?.tallies ? row.tallies.reduce((a, b) => a + b, 0) : null,
    };
  }

  /** Summary rows of the session, and the joins and leaves stored for it. */
  async attendance(sessionId: string): Promise<{ rows: number; joins: number; leaves: number }> {
    const [row] = await this.sql<{ rows: number; joins: number; leaves: number }>(
      `select (select count(*)::int from live_attendance where session_id = ?) as rows,
              count(*) filter (where action = 'JOIN')::int as joins,
              count(*) filter (where action = 'LEAVE')::int as leaves
         from live_attendance_event where session_id = ?`,
      [sessionId, sessionId],
    );
    return row;
  }

  async drop(): Promise<void> {
    await this.orm.close(true);
    await dropDatabase(this.config);
  }
}
