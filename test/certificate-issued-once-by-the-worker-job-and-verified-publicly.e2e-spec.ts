import { randomUUID } from 'node:crypto';
import { verifyCertificateQr } from '@hocvuso/certificates';
import { foldVietnamese } from '@hocvuso/geography';
import { type IssueCertificatePayload, QueueName } from '@hocvuso/jobs';
import { Job } from 'bullmq';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { type TestQueue, WorkerHarness } from './support/worker-harness';

const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) {
  status code maskedName courseTitle courseVersionNumber issuedAt issuingUnitName revokedAt revokedReason } }`;
const MINE = `query ($first: Int, $after: String) { myCertificates(first: $first, after: $after) {
  totalCount nodes { id code status residentId courseTitle courseVersionNumber issuingUnitName qrText }
  pageInfo { hasNextPage endCursor } } }`;
const PUBLIC_KEY = `{ certificatePublicKey }`;

interface Outcome {
  certificateId: string;
  code: string;
  created: boolean;
}

interface Verification {
  status: string;
  code: string;
  maskedName: string | null;
  courseTitle: string | null;
  courseVersionNumber: number | null;
  issuedAt: string | null;
  issuingUnitName: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

describe('certificates are issued once by the worker job and verified publicly by code', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let certificates: TestQueue<'certificates'>;
  let official: TestActor;
  let villageId: string;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    certificates = await worker.queue(QueueName.certificates);
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text)
       values ('87', 'Tám Bảy', 'Tỉnh Tám Bảy', 'Test 87', 'PROVINCE', 'tam bay') on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text)
       values ('87001', '87', 'Xã Chứng Nhận', 'Xã Chứng Nhận', 'Chung Nhan', 'XA', 'xa chung nhan') on conflict (code) do nothing`,
    );
    villageId = randomUUID();
    const villageName = `Thôn Học Số ${tag}`;
    await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, '87001', ?, 'THON', ?)`, [
      villageId,
      villageName,
      foldVietnamese(villageName),
    ]);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('87001', '87')]]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function createResident(fullName: string): Promise<string> {
    const result = await api.gql<{ createResident: { id: string } }>(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      {
        input: { villageId, fullName, birthYear: 1961, consent: { purposes: ['LEARNING'], method: 'SELF' } },
      },
      official.token,
    );
    return result.data!.createResident.id;
  }

  const completion = (
    residentId: string,
    overrides: Partial<IssueCertificatePayload> = {},
  ): IssueCertificatePayload => ({
    enrollmentId: randomUUID(),
    residentId,
    courseId: randomUUID(),
    courseVersionId: randomUUID(),
    courseVersionNumber: 2,
    courseTitle: 'Cài đặt và kích hoạt tài khoản định danh điện tử VNeID mức độ 2',
    issuingProvinceCode: '87',
    issuingUnitName: 'Tỉnh Tám Bảy',
    completedAt: '2026-11-20T03:15:00.000Z',
    ...overrides,
  });

  const runJob = (payload: IssueCertificatePayload) => certificates.run<Outcome>('issue-certificate', payload);

  const verify = async (code: string) =>
    (await api.gql<{ verifyCertificate: Verification }>(VERIFY, { code })).data!.verifyCertificate;

  it('issues a certificate through the job, audited, that anyone can verify with the name masked', async () => {
    const residentId = await createResident('Nguyễn Văn An');
    const payload = completion(residentId);

    const outcome = await runJob(payload);

    expect(outcome.created).toBe(true);
    expect(outcome.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    const [row] = await api.sql<Record<string, unknown>>(
      `select resident_id, enrollment_id, course_version_id, course_version_number, course_title, issuing_province_code,
              issuing_unit_name, completed_at, revoked_at from certificate where id = ?`,
      [outcome.certificateId],
    );
    expect(row).toMatchObject({
      resident_id: residentId,
      enrollment_id: payload.enrollmentId,
      course_version_id: payload.courseVersionId,
      course_version_number: 2,
      course_title: payload.courseTitle,
      issuing_province_code: '87',
      issuing_unit_name: 'Tỉnh Tám Bảy',
      revoked_at: null,
    });
    expect(new Date(row.completed_at as string).toISOString()).toBe(payload.completedAt);
    const audit = await api.sql<{ action: string; actor_account_id: string | null; details: Record<string, unknown> }>(
      `select action, actor_account_id, details from audit_log where target_id = ?`,
      [outcome.certificateId],
    );
    expect(audit).toEqual([
      {
        action: 'certificate.issued',
        actor_account_id: null,
        details: {
          residentId,
          enrollmentId: payload.enrollmentId,
          courseId: payload.courseId,
          courseVersionId: payload.courseVersionId,
        },
      },
    ]);

    const verification = await verify(outcome.code);
    expect(verification).toMatchObject({
      status: 'VALID',
      code: outcome.code,
      maskedName: 'Nguyễn V*** A***',
      courseTitle: payload.courseTitle,
      courseVersionNumber: 2,
      issuingUnitName: 'Tỉnh Tám Bảy',
      revokedAt: null,
      revokedReason: null,
    });
    expect(verification.issuedAt).not.toBeNull();
    // however it is typed: lower case, without dashes, with spaces
    expect(await verify(outcome.code.replace(/-/g, '').toLowerCase())).toEqual(verification);
    expect(await verify(` ${outcome.code.replace(/-/g, ' ')} `)).toEqual(verification);
  });

  it('gives one certificate for the same completion, whether the job runs twice or two jobs race', async () => {
    const residentId = await createResident('Trần Thị Bích');
    const payload = completion(residentId);

    const first = await runJob(payload);
    const again = await runJob(payload);
    const raced = await Promise.all([runJob(payload), runJob({ ...payload, enrollmentId: randomUUID() })]);

    expect(first.created).toBe(true);
    for (const outcome of [again, ...raced]) {
      expect(outcome).toEqual({ ...first, created: false });
    }
    const rows = await api.sql(`select id from certificate where resident_id = ?`, [residentId]);
    expect(rows).toHaveLength(1);
    const audits = await api.sql(`select id from audit_log where action = 'certificate.issued' and target_id = ?`, [
      first.certificateId,
    ]);
    expect(audits).toHaveLength(1);

    // another version of the same course is another certificate
    const nextVersion = await runJob({ ...payload, courseVersionId: randomUUID(), courseVersionNumber: 3 });
    expect(nextVersion.created).toBe(true);
    expect(nextVersion.code).not.toBe(first.code);
  });

  it('fails a malformed job at once with the reason, and a job for an unknown resident, writing nothing', async () => {
    const before = await api.sql<{ n: number }>(`select count(*)::int as n from certificate`);
    const bad = await certificates.add('issue-certificate', { ...completion(randomUUID()), courseVersionNumber: 0 });
    await expect(bad.waitUntilFinished(certificates.events, 30_000)).rejects.toThrow(
      'INVALID_ISSUE_REQUEST: Yêu cầu cấp chứng nhận không hợp lệ. courseVersionNumber must be a positive integer',
    );
    expect((await Job.fromId(certificates.queue, bad.id!))?.attemptsMade).toBe(1);

    const unknown = await certificates.add('issue-certificate', completion(randomUUID()), { attempts: 3 });
    await expect(unknown.waitUntilFinished(certificates.events, 30_000)).rejects.toThrow('RESIDENT_NOT_ELIGIBLE');
    expect((await Job.fromId(certificates.queue, unknown.id!))?.attemptsMade).toBe(1);

    expect(await api.sql<{ n: number }>(`select count(*)::int as n from certificate`)).toEqual(before);
  });

  it('answers NOT_FOUND for a well-formed unknown code and refuses a malformed one', async () => {
    expect(await verify('0000-0000-00')).toEqual({
      status: 'NOT_FOUND',
      code: '0000-0000-00',
      maskedName: null,
      courseTitle: null,
      courseVersionNumber: null,
      issuedAt: null,
      issuingUnitName: null,
      revokedAt: null,
      revokedReason: null,
    });
    for (const code of ['', 'HV7K-2M9Q', 'HV7K-2M9Q-XU', "'; drop table certificate; --"]) {
      const result = await api.gql(VERIFY, { code });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('INVALID_CERTIFICATE_CODE');
      expect(result.errors?.[0].message).toContain('Mã xác minh không hợp lệ');
    }
  });

  it('shows a fixed text instead of the name once the holder is erased', async () => {
    const residentId = await createResident('Lê Văn Cường');
    const { code } = await runJob(completion(residentId));
    const erased = await api.gql(
      `mutation ($id: ID!) { eraseResident(residentId: $id, reason: RESIDENT_REQUEST) { erasedAt } }`,
      { id: residentId },
      official.token,
    );
    expect(erased.errors).toBeUndefined();

    expect(await verify(code)).toMatchObject({ status: 'VALID', maskedName: '(đã xóa dữ liệu)' });
  });

  it('lists the resident’s own certificates, whose QR text verifies offline and fails once tampered', async () => {
    const residentId = await createResident('Phạm Thị Dung');
    const issued: Outcome[] = [];
    for (const courseTitle of ['Nhận diện lừa đảo trực tuyến', 'Bảo vệ dữ liệu cá nhân', 'Ký số văn bản']) {
      issued.push(await runJob(completion(residentId, { courseTitle })));
    }
    const resident = await createActor(api, [], { residentId });
    const other = await createActor(api, [], { residentId: await createResident('Vũ Văn Em') });

    type Mine = {
      myCertificates: {
        totalCount: number;
        nodes: { code: string; qrText: string; residentId: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page1 = (await api.gql<Mine>(MINE, { first: 2 }, resident.token)).data!.myCertificates;
    const page2 = (await api.gql<Mine>(MINE, { first: 2, after: page1.pageInfo.endCursor }, resident.token)).data!
      .myCertificates;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const codes = [...page1.nodes, ...page2.nodes].map((node) => node.code);
    expect(codes).toEqual(issued.map((outcome) => outcome.code).reverse());
    expect((await api.gql<Mine>(MINE, {}, other.token)).data!.myCertificates.nodes).toEqual([]);
    expect((await api.gql(MINE, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const publicKey = (await api.gql<{ certificatePublicKey: string }>(PUBLIC_KEY)).data!.certificatePublicKey;
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const { qrText, code } = page1.nodes[0];
    expect(verifyCertificateQr(qrText, publicKey)).toEqual({
      valid: true,
      content: {
        code,
        maskedName: 'Phạm T*** D***',
        courseTitle: 'Ký số văn bản',
        courseVersionNumber: 2,
        issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        issuingUnitName: 'Tỉnh Tám Bảy',
      },
    });
    const [format, payload, signature] = qrText.split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...decoded, t: 'Khóa học khác' })).toString('base64url');
    expect(verifyCertificateQr(`${format}.${forged}.${signature}`, publicKey).valid).toBe(false);
    const flipped = qrText.slice(0, 20) + (qrText[20] === 'A' ? 'B' : 'A') + qrText.slice(21);
    expect(verifyCertificateQr(flipped, publicKey).valid).toBe(false);
  });
});
