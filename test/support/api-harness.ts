import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hocvuso/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.app';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; details?: Record<string, unknown> } & Record<string, unknown>;
  }[];
}

/** The real API on the run's database and Redis, driven over HTTP without a listening port. */
export class ApiHarness {
  private constructor(readonly app: NestExpressApplication) {}

  static async start(): Promise<ApiHarness> {
    const app = await createApiApp(loadConfig());
    app.useLogger(app.get(Logger));
    await app.init();
    return new ApiHarness(app);
  }

  get orm(): MikroORM {
    return this.app.get(MikroORM);
  }

  /** Sends a GraphQL operation, as `token`'s account when given, anonymously otherwise. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResult<T>> {
    const call = request(this.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query, variables });
    return response.body as GraphQLResult<T>;
  }

  /** The same harness speaking as `token`'s account on every call. */
  as(token: string): {
    gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;
  } {
    return { gql: (query, variables = {}) => this.gql(query, variables, token) };
  }

  /** Runs raw SQL on the run's database (fixtures and assertions). */
  sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return this.orm.em.fork().getConnection().execute<R[]>(text, params);
  }

  /** Counts the SQL statements `work` sends (for N+1 checks). */
  async countQueries(work: () => Promise<unknown>): Promise<number> {
    const connection = this.orm.em.getConnection();
    const original = connection.execute.bind(connection);
    let count = 0;
    connection.execute = ((...args: Parameters<typeof original>) => {
      count++;
      return original(...args);
    }) as typeof connection.execute;
    try {
      await work();
    } finally {
      connection.execute = original;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
