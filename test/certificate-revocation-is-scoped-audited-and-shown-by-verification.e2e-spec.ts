import { randomUUID } from 'node:crypto';
import { CertificatesService, checkIssueRequest } from '@hocvuso/certificates';
import { foldVietnamese } from '@hocvuso/geography';
import { RequestContext } from '@mikro-orm/postgresql';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const REVOKE = `mutation ($code: String!, $reason: String!) { revokeCertificate(code: $code, reason: $reason) {
  id code status revokedAt revokedReason } }`;
const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) { status maskedName revokedAt revokedReason } }`;

interface Revoked {
  id: string;
  code: string;
  status: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

describe('revoking a certificate: officials in scope only, with a reason, audited, shown by verification', () => {
  let api: ApiHarness;
  let communeOfficial: TestActor;
  let provinceOfficial: TestActor;
  let otherCommuneOfficial: TestActor;
  let otherProvinceOfficial: TestActor;
  let volunteer: TestActor;
  let villageId: string;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         ('87', 'Tám Bảy', 'Tỉnh Tám Bảy', 'Test 87', 'PROVINCE', 'tam bay'),
         ('85', 'Tám Lăm', 'Tỉnh Tám Lăm', 'Test 85', 'PROVINCE', 'tam lam')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('87002', '87', 'Xã Thu Hồi', 'Xã Thu Hồi', 'Thu Hoi', 'XA', 'xa thu hoi'),
         ('87003', '87', 'Xã Bên Cạnh', 'Xã Bên Cạnh', 'Ben Canh', 'XA', 'xa ben canh')
       on conflict (code) do nothing`,
    );
    villageId = randomUUID();
    const villageName = `Thôn Thu Hồi ${tag}`;
    await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, '87002', ?, 'THON', ?)`, [
      villageId,
      villageName,
      foldVietnamese(villageName),
    ]);
    communeOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('87002', '87')]]);
    provinceOfficial = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('87')]]);
    otherCommuneOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('87003', '87')]]);
    otherProvinceOfficial = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('85')]]);
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('87002', '87')]]);
  });

  afterAll(() => api.close());

  /** A resident of the village with a certificate, issued as the worker's job issues it. */
  async function certificateFor(fullName: string): Promise<{ code: string; id: string; residentId: string }> {
    const created = await api.gql<{ createResident: { id: string } }>(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      { input: { villageId, fullName, birthYear: 1958, consent: { purposes: ['LEARNING'], method: 'SELF' } } },
      communeOfficial.token,
    );
    const residentId = created.data!.createResident.id;
    const service = api.app.get(CertificatesService);
    const { certificate } = await RequestContext.create(api.orm.em, () =>
      service.issue(
        checkIssueRequest({
          enrollmentId: randomUUID(),
          residentId,
          courseId: randomUUID(),
          courseVersionId: randomUUID(),
          courseVersionNumber: 1,
          courseTitle: 'Nhận diện và phòng tránh lừa đảo trực tuyến',
          issuingProvinceCode: '87',
          issuingUnitName: 'Tỉnh Tám Bảy',
          completedAt: new Date().toISOString(),
        }),
      ),
    );
    return { code: certificate.code, id: certificate.id, residentId };
  }

  const revocationAudits = (certificateId: string) =>
    api.sql<{ actor_account_id: string; details: Record<string, unknown> }>(
      `select actor_account_id, details from audit_log where action = 'certificate.revoked' and target_id = ?`,
      [certificateId],
    );

  it('lets the commune official revoke with a reason; verification then says REVOKED with it', async () => {
    const { code, id, residentId } = await certificateFor('Hoàng Văn Giang');
    const reason = 'Cấp nhầm: người học chưa tham gia bài kiểm tra cuối khóa.';

    const result = await api.gql<{ revokeCertificate: Revoked }>(
      REVOKE,
      { code: code.toLowerCase(), reason: `  ${reason} ` },
      communeOfficial.token,
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.revokeCertificate).toMatchObject({ id, code, status: 'REVOKED', revokedReason: reason });
    const verification = (await api.gql<{ verifyCertificate: Record<string, unknown> }>(VERIFY, { code })).data!
      .verifyCertificate;
    expect(verification).toEqual({
      status: 'REVOKED',
      maskedName: 'Hoàng V*** G***',
      revokedAt: result.data!.revokeCertificate.revokedAt,
      revokedReason: reason,
    });
    const [row] = await api.sql<{ revoked_by: string }>(`select revoked_by from certificate where id = ?`, [id]);
    expect(row.revoked_by).toBe(communeOfficial.accountId);
    // audited with ids only: the free-text reason stays on the certificate
    expect(await revocationAudits(id)).toEqual([
      { actor_account_id: communeOfficial.accountId, details: { residentId, courseVersionId: expect.any(String) } },
    ]);
  });

  it('returns the same revoked certificate when revoked again, without a second audit line', async () => {
    const { code, id } = await certificateFor('Đặng Thị Hạnh');
    const first = await api.gql<{ revokeCertificate: Revoked }>(
      REVOKE,
      { code, reason: 'Thông tin khóa học sai.' },
      provinceOfficial.token,
    );
    const second = await api.gql<{ revokeCertificate: Revoked }>(
      REVOKE,
      { code, reason: 'Một lý do khác hẳn.' },
      communeOfficial.token,
    );

    expect(second.data!.revokeCertificate).toEqual(first.data!.revokeCertificate);
    expect(second.data!.revokeCertificate.revokedReason).toBe('Thông tin khóa học sai.');
    expect(await revocationAudits(id)).toHaveLength(1);
  });

  it('answers CERTIFICATE_NOT_FOUND outside the holder’s scope or without the permission, as for an unknown code', async () => {
    const { code, id } = await certificateFor('Bùi Văn Khoa');
    const unknown = await api.gql(REVOKE, { code: '0000-0000-00', reason: 'Lý do hợp lệ.' }, communeOfficial.token);
    expect(unknown.errors?.[0].extensions).toEqual({ code: 'CERTIFICATE_NOT_FOUND', details: { code: '0000000000' } });

    for (const actor of [otherCommuneOfficial, otherProvinceOfficial, volunteer]) {
      const result = await api.gql(REVOKE, { code, reason: 'Lý do hợp lệ.' }, actor.token);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toEqual({
        code: 'CERTIFICATE_NOT_FOUND',
        details: { code: code.replace(/-/g, '') },
      });
      expect(result.errors?.[0].message).toBe('Không tìm thấy chứng nhận.');
    }
    const anonymous = await api.gql(REVOKE, { code, reason: 'Lý do hợp lệ.' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    expect(await api.sql(`select revoked_at from certificate where id = ?`, [id])).toEqual([{ revoked_at: null }]);
    expect(await revocationAudits(id)).toEqual([]);
  });

  it('refuses a missing, too short or too long reason and a malformed code, changing nothing', async () => {
    const { code, id } = await certificateFor('Ngô Thị Lan');
    for (const reason of ['', '    ', 'Sai', 'x'.repeat(501)]) {
      const result = await api.gql(REVOKE, { code, reason }, communeOfficial.token);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('INVALID_REVOCATION_REASON');
      expect(result.errors?.[0].message).toBe('Lý do thu hồi cần từ 5 đến 500 ký tự.');
    }
    const badCode = await api.gql(REVOKE, { code: 'not-a-code', reason: 'Lý do hợp lệ.' }, communeOfficial.token);
    expect(badCode.errors?.[0].extensions?.code).toBe('INVALID_CERTIFICATE_CODE');
    const missing = await api.gql(
      `mutation ($code: String!) { revokeCertificate(code: $code) { id } }`,
      { code },
      communeOfficial.token,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_REQUEST');

    expect(await api.sql(`select revoked_at, revoked_reason from certificate where id = ?`, [id])).toEqual([
      { revoked_at: null, revoked_reason: null },
    ]);
    expect(await revocationAudits(id)).toEqual([]);
    expect(
      (await api.gql<{ verifyCertificate: { status: string } }>(VERIFY, { code })).data!.verifyCertificate.status,
    ).toBe('VALID');
  });
});
