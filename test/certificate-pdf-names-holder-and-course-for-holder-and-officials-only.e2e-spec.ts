import { randomUUID } from 'node:crypto';
import { CertificatesService, checkIssueRequest } from '@hocvuso/certificates';
import { foldVietnamese } from '@hocvuso/geography';
import { RequestContext } from '@mikro-orm/postgresql';
import { extractText, getDocumentProxy } from 'unpdf';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const PDF = `query ($code: String!) { certificatePdf(code: $code) { fileName mimeType contentBase64 } }`;

interface Pdf {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const COURSE_TITLE = 'Sử dụng trợ lý trí tuệ nhân tạo (AI) an toàn trong công việc văn phòng';

describe('the certificate PDF names the holder and the course, for the holder and officials in scope only', () => {
  let api: ApiHarness;
  let official: TestActor;
  let outsider: TestActor;
  let holder: TestActor;
  let neighbour: TestActor;
  let villageId: string;
  let code: string;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text)
       values ('87', 'Tám Bảy', 'Tỉnh Tám Bảy', 'Test 87', 'PROVINCE', 'tam bay') on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('87004', '87', 'Xã In Ấn', 'Xã In Ấn', 'In An', 'XA', 'xa in an'),
         ('87005', '87', 'Xã Khác', 'Xã Khác', 'Khac', 'XA', 'xa khac')
       on conflict (code) do nothing`,
    );
    villageId = randomUUID();
    const villageName = `Thôn In ${tag}`;
    await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, '87004', ?, 'THON', ?)`, [
      villageId,
      villageName,
      foldVietnamese(villageName),
    ]);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('87004', '87')]]);
    outsider = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('87005', '87')]]);
    const residentId = await createResident('Nguyễn Thị Hương Giang');
    holder = await createActor(api, [], { residentId });
    neighbour = await createActor(api, [], { residentId: await createResident('Trương Văn Ưng') });
    const service = api.app.get(CertificatesService);
    const { certificate } = await RequestContext.create(api.orm.em, () =>
      service.issue(
        checkIssueRequest({
          enrollmentId: randomUUID(),
          residentId,
          courseId: randomUUID(),
          courseVersionId: randomUUID(),
          courseVersionNumber: 4,
          courseTitle: COURSE_TITLE,
          issuingProvinceCode: '87',
          issuingUnitName: 'Tỉnh Tám Bảy',
          completedAt: '2026-11-21T02:00:00.000Z',
        }),
      ),
    );
    code = certificate.code;
  });

  afterAll(() => api.close());

  async function createResident(fullName: string): Promise<string> {
    const result = await api.gql<{ createResident: { id: string } }>(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      { input: { villageId, fullName, birthYear: 1970, consent: { purposes: ['LEARNING'], method: 'SELF' } } },
      official.token,
    );
    return result.data!.createResident.id;
  }

  async function textOf(pdf: Pdf): Promise<{ pages: number; text: string }> {
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const document = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(document, { mergePages: true });
    return { pages: totalPages, text: text.normalize('NFC').replace(/\s+/g, ' ') };
  }

  it('renders one page in Vietnamese with the full name, course, date, unit and code, for the holder', async () => {
    const result = await api.gql<{ certificatePdf: Pdf }>(PDF, { code: code.toLowerCase() }, holder.token);

    expect(result.errors).toBeUndefined();
    const pdf = result.data!.certificatePdf;
    expect(pdf.fileName).toBe(`giay-chung-nhan-${code}.pdf`);
    expect(pdf.mimeType).toBe('application/pdf');
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'GIẤY CHỨNG NHẬN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Nguyễn Thị Hương Giang',
      COURSE_TITLE,
      'Phiên bản 4',
      'Hoàn thành ngày 21/11/2026',
      'Tỉnh Tám Bảy',
      code,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders the same certificate for an official of the holder’s commune', async () => {
    const result = await api.gql<{ certificatePdf: Pdf }>(PDF, { code }, official.token);
    expect(result.errors).toBeUndefined();
    expect((await textOf(result.data!.certificatePdf)).text).toContain('Nguyễn Thị Hương Giang');
  });

  it('is CERTIFICATE_NOT_FOUND for another resident and an official elsewhere, and needs a login', async () => {
    for (const actor of [neighbour, outsider]) {
      const result = await api.gql(PDF, { code }, actor.token);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('CERTIFICATE_NOT_FOUND');
    }
    expect((await api.gql(PDF, { code })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(PDF, { code: 'ABC' }, holder.token)).errors?.[0].extensions?.code).toBe(
      'INVALID_CERTIFICATE_CODE',
    );
  });

  it('is CERTIFICATE_NOT_FOUND once the holder’s data is erased: there is no name left to print', async () => {
    const residentId = await createResident('Lý Thị Xuân');
    const service = api.app.get(CertificatesService);
    const { certificate } = await RequestContext.create(api.orm.em, () =>
      service.issue(
        checkIssueRequest({
          enrollmentId: randomUUID(),
          residentId,
          courseId: randomUUID(),
          courseVersionId: randomUUID(),
          courseVersionNumber: 1,
          courseTitle: COURSE_TITLE,
          issuingProvinceCode: null,
          issuingUnitName: 'Toàn quốc',
          completedAt: '2026-11-21T02:00:00.000Z',
        }),
      ),
    );
    expect((await api.gql(PDF, { code: certificate.code }, official.token)).errors).toBeUndefined();
    const erased = await api.gql(
      `mutation ($id: ID!) { eraseResident(residentId: $id, reason: RESIDENT_REQUEST) { erasedAt } }`,
      { id: residentId },
      official.token,
    );
    expect(erased.errors).toBeUndefined();

    const result = await api.gql(PDF, { code: certificate.code }, official.token);
    expect(result.errors?.[0].extensions?.code).toBe('CERTIFICATE_NOT_FOUND');
  });
});
