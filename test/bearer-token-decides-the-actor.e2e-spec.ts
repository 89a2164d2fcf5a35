import { tokenErrorMessages } from '@hocvuso/identity';
import request from 'supertest';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

describe('the bearer token decides who is asking', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  const post = (authorization?: string) => {
    const call = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (authorization) call.set('authorization', authorization);
    return call.send({ query: '{ provinces(first: 1) { totalCount } }' });
  };

  it('lets anonymous callers read public reference data', async () => {
    const response = await post();
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('accepts a valid token', async () => {
    const actor = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('11953', '33')]]);
    const response = await post(`Bearer ${actor.token}`);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it.each([
    ['garbage', 'Bearer abc.def.ghi'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401 and TOKEN_INVALID', async (_label, header) => {
    const response = await post(header);
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('TOKEN_INVALID');
    expect(response.body.errors[0].message).toBe(tokenErrorMessages.TOKEN_INVALID);
  });

  it('refuses a token whose login was revoked, and one whose account was disabled', async () => {
    const loggedOut = await createActor(api, []);
    await api.sql(`update refresh_token set revoked_at = now() where family_id = ?`, [loggedOut.familyId]);
    expect((await post(`Bearer ${loggedOut.token}`)).status).toBe(401);

    const disabled = await createActor(api, []);
    await api.sql(`update account set status = 'DISABLED' where id = ?`, [disabled.accountId]);
    expect((await post(`Bearer ${disabled.token}`)).status).toBe(401);
  });
});
