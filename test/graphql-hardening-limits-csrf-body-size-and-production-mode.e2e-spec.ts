import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, generateSecrets, loadConfig, parseConfig } from '@hocvuso/config';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { ApiHarness } from './support/api-harness';

/** A query exactly `depth` fields deep: province → communes → nodes → province → … → code. */
function nestedQuery(depth: number): string {
  const cycle = ['communes', 'nodes', 'province'];
  const inner = Array.from({ length: depth - 2 }, (_, i) => cycle[i % cycle.length]);
  const selection = inner.reduceRight((below, field) => `${field} { ${below} }`, 'code');
  return `{ province(code: "33") { ${selection} } }`;
}

describe('GraphQL hardening', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    const max = loadConfig().GRAPHQL_MAX_DEPTH;
    const ok = await api.gql(nestedQuery(max));
    const tooDeep = await api.gql(nestedQuery(max + 1));

    expect(ok.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_DEEP');
    expect(tooDeep.data ?? null).toBeNull();
    expect(tooDeep.errors?.[0]).toMatchObject({
      message: `Truy vấn lồng quá sâu (tối đa ${max} cấp).`,
      extensions: { code: 'QUERY_TOO_DEEP', details: { max, actual: max + 1 } },
    });
  });

  it('charges list fields their page size and refuses a query costing more than GRAPHQL_MAX_COMPLEXITY', async () => {
    const small = await api.gql(`{ provinces(first: 50) { nodes { code name } } }`);
    const huge = await api.gql(`{ provinces(first: 200) { nodes { communes(first: 200) { nodes { code } } } } }`);

    expect(small.errors).toBeUndefined();
    expect(huge.data ?? null).toBeNull();
    expect(huge.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const details = huge.errors?.[0]?.extensions?.details as { actual: number; max: number };
    expect(details.max).toBe(loadConfig().GRAPHQL_MAX_COMPLEXITY);
    expect(details.actual).toBeGreaterThan(200 * 200);
  });

  it('blocks requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const server = api.app.getHttpServer();
    const simplePost = await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ provinces { totalCount } }' }));
    const simpleGet = await request(server).get('/graphql').query({ query: '{ provinces { totalCount } }' });

    expect(simplePost.status).toBe(400);
    expect(simplePost.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.text).not.toContain('totalCount":');
  });

  it('refuses a request body over REQUEST_BODY_LIMIT with 413 and no processing', async () => {
    const oversized = 'A'.repeat(13 * 1024 * 1024);
    const response = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ provinces { totalCount } }', variables: { padding: oversized } }));

    expect(response.status).toBe(413);
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers a malformed query with BAD_REQUEST and no stack trace', async () => {
    const result = await api.gql(`{ provinces { nodes { code `);

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });

  describe('in production', () => {
    let app: INestApplication;

    beforeAll(async () => {
      const production = parseConfig({ ...process.env, NODE_ENV: 'production', ...generateSecrets() });
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
        .overrideProvider(APP_CONFIG)
        .useValue(production)
        .compile();
      app = moduleRef.createNestApplication<NestExpressApplication>();
      await app.init();
    });

    afterAll(async () => {
      await app?.close();
    });

    it('refuses introspection and serves no landing page', async () => {
      const server = app.getHttpServer();
      const introspection = await request(server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __schema { queryType { name } } }' });
      const landing = await request(server).get('/graphql').set('accept', 'text/html');

      expect(introspection.body.data ?? null).toBeNull();
      expect(introspection.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(landing.text).not.toMatch(/<html|graphiql|sandbox/i);
    });

    it('still answers ordinary queries', async () => {
      const response = await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ provinces(first: 1) { totalCount } }' });

      expect(response.body.errors).toBeUndefined();
      expect(typeof response.body.data.provinces.totalCount).toBe('number');
    });
  });
});
