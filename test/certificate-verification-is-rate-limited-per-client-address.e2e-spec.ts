import request from 'supertest';
import { ApiHarness, type GraphQLResult } from './support/api-harness';

const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) { status code } }`;

/**
 * Verification is public, so it is limited per client address: a sweep over codes stops after
 * CERTIFICATE_VERIFY_PER_MINUTE lookups, and other addresses are not affected.
 */
describe('public certificate verification is rate limited per client address', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    process.env.CERTIFICATE_VERIFY_PER_MINUTE = '3';
    // Behind a proxy the address comes from X-Forwarded-For, so the test can speak from two of them.
    process.env.TRUST_PROXY = 'true';
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api?.close();
  });

  const verifyFrom = async (address: string, code: string): Promise<GraphQLResult> => {
    const response = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', address)
      .send({ query: VERIFY, variables: { code } });
    return response.body as GraphQLResult;
  };

  it('answers the allowed lookups, malformed ones included, then refuses with a retry time', async () => {
    expect((await verifyFrom('203.0.113.7', 'HV7K-2M9Q-XR')).data).toEqual({
      verifyCertificate: { status: 'NOT_FOUND', code: 'HV7K-2M9Q-XR' },
    });
    expect((await verifyFrom('203.0.113.7', 'not a code')).errors?.[0]?.extensions?.code).toBe(
      'INVALID_CERTIFICATE_CODE',
    );
    expect((await verifyFrom('203.0.113.7', 'HV7K-2M9Q-XS')).data?.verifyCertificate).toMatchObject({
      status: 'NOT_FOUND',
    });

    const refused = await verifyFrom('203.0.113.7', 'HV7K-2M9Q-XT');
    expect(refused.data).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('VERIFICATION_RATE_LIMITED');
    const retryAfter = error?.extensions?.details?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error?.message).toBe(`Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`);
  });

  it('keeps answering another address', async () => {
    expect((await verifyFrom('203.0.113.8', 'HV7K-2M9Q-XR')).data?.verifyCertificate).toMatchObject({
      status: 'NOT_FOUND',
    });
  });
});
