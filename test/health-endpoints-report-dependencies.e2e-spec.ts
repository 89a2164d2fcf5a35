import request from 'supertest';
import { ApiHarness } from './support/api-harness';

describe('health and metrics endpoints of the API', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers /health/live', async () => {
    const response = await request(api.app.getHttpServer()).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('reports PostgreSQL and Redis as ready', async () => {
    const response = await request(api.app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks.postgres.ok).toBe(true);
    expect(response.body.checks.redis.ok).toBe(true);
  });

  it('serves Prometheus metrics labelled with the app', async () => {
    const response = await request(api.app.getHttpServer()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/^hocvuso_process_cpu_user_seconds_total\{app="api"\} \d/m);
  });

  it('echoes a well-formed request id and invents one otherwise', async () => {
    const given = await request(api.app.getHttpServer()).get('/health/live').set('x-request-id', 'abc12345-req');
    expect(given.headers['x-request-id']).toBe('abc12345-req');
    const invented = await request(api.app.getHttpServer()).get('/health/live').set('x-request-id', 'bad id!');
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
