import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { QueueName } from '@hocvuso/jobs';
import { REPORT_COLUMNS, REPORT_TITLE, signExportLink } from '@hocvuso/statistics';
import type { Job } from 'bullmq';
import { type CellValue, Workbook } from 'exceljs';
import request from 'supertest';
import { StatisticsProcessor } from '../apps/worker/src/statistics/statistics.processor';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { type TestQueue, WorkerHarness } from './support/worker-harness';
import { buildReachFixture, type ReachFixture } from './support/reach-fixture';

const EXPORT_FIELDS = `id status progress format unit { kind code id name } from to fileName errorCode
  createdAt finishedAt expiresAt downloadUrl downloadUrlExpiresAt`;
const REQUEST = `mutation ($input: RequestReachExportInput!) { requestReachExport(input: $input) { ${EXPORT_FIELDS} } }`;
const GET = `query ($id: ID!) { reachExport(id: $id) { ${EXPORT_FIELDS} } }`;
const LIST = `query ($first: Int!, $after: String) {
  reachExports(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id format } }
}`;
const FIGURES = `classesHeld personTimes uniquePeople completions residentsConfirmedToDate adultPopulation targetProgress`;
const STATS = `query ($unit: ReachUnitInput!, $from: String!, $to: String!) {
  reachStatistics(unit: $unit, from: $from, to: $to) {
    unit { kind code id name } asOf figures { ${FIGURES} }
    breakdown { unit { kind code id name } figures { ${FIGURES} } }
  }
}`;
const REFRESH = `mutation { refreshReachStatistics(full: true) { jobId } }`;

interface ExportView {
  id: string;
  status: string;
  progress: number;
  format: string;
  unit: { kind: string; code: string | null; id: string | null; name: string };
  fileName: string | null;
  errorCode: string | null;
  downloadUrl: string | null;
  downloadUrlExpiresAt: string | null;
}
type Figures = Record<'classesHeld' | 'personTimes' | 'uniquePeople' | 'completions', number> & {
  residentsConfirmedToDate: number | null;
  adultPopulation: number | null;
  targetProgress: number | null;
};
interface UnitRef {
  kind: string;
  code: string | null;
  id: string | null;
  name: string;
}
interface Stats {
  unit: UnitRef;
  asOf: string | null;
  figures: Figures;
  breakdown: { unit: UnitRef; figures: Figures }[];
}

const PERIOD = { from: '2026-10-01', to: '2026-10-31' };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** The report's table as the statistics say it must be: one row per child unit, then the total. */
const expectedRows = (stats: Stats): CellValue[][] => {
  const cells = (f: Figures) => [
    f.classesHeld,
    f.personTimes,
    f.uniquePeople,
    f.completions,
    f.residentsConfirmedToDate,
    f.adultPopulation,
    f.targetProgress,
  ];
  return [
    ...stats.breakdown.map((row) => [row.unit.name, row.unit.code ?? row.unit.id, ...cells(row.figures)]),
    ['Tổng cộng', stats.unit.code ?? stats.unit.id, ...cells(stats.figures)],
  ];
};

function vietnamTime(at: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

/** Rows of the first sheet as arrays of cell values (column A first), empty rows kept. */
async function readXlsx(content: Buffer): Promise<CellValue[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: CellValue[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: CellValue[] = [];
    for (let column = 1; column <= REPORT_COLUMNS.length; column++) cells.push(row.getCell(column).value ?? null);
    rows.push(cells);
  }
  return rows;
}

/** A minimal CSV reader: quoted fields with "" escapes, comma-separated, CRLF lines. */
function readCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .slice(0, -1)
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (quoted && char === '"' && line[index + 1] === '"') {
          field += '"';
          index++;
        } else if (char === '"') quoted = !quoted;
        else if (char === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else field += char;
      }
      fields.push(field);
      return fields;
    });
}

/**
 * Province 69 (a code no official unit and no other test uses) holds the hand-counted reach
 * fixture. Exports are requested through GraphQL, built by a real worker, downloaded through the
 * signed link and read back; every cell is compared with what reachStatistics answers.
 */
describe('reach exports are built by the worker and downloaded by a signed link', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let statistics: TestQueue<'statistics'>;
  let fixture: ReachFixture;
  let admin: TestActor;
  let official: TestActor;
  let otherOfficial: TestActor;
  let downloads = 0;

  const gql = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
    const result = await api.gql<T>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const stats = async (unit: Record<string, string>) =>
    (await gql<{ reachStatistics: Stats }>(STATS, { unit, ...PERIOD }, official.token)).reachStatistics;
  const requestExport = (input: Record<string, unknown>, token = official.token) =>
    api.gql<{ requestReachExport: ExportView }>(REQUEST, { input: { ...PERIOD, ...input } }, token);
  const jobOf = async (exportId: string): Promise<Job> => (await statistics.queue.getJob(`reach-export-${exportId}`))!;
  /** Requests an export, waits for its job and answers the export as reachExport shows it then. */
  const built = async (input: Record<string, unknown>, token = official.token): Promise<ExportView> => {
    const requested = await requestExport(input, token);
    expect(requested.errors).toBeUndefined();
    const { id } = requested.data!.requestReachExport;
    await (await jobOf(id)).waitUntilFinished(statistics.events, 30_000);
    return (await gql<{ reachExport: ExportView }>(GET, { id }, token)).reachExport;
  };
  const download = async (url: string) => {
    const response = await request(api.app.getHttpServer())
      .get(url)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    if (response.status === 200) downloads++;
    return { status: response.status, headers: response.headers, body: response.body as Buffer };
  };
  const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as { code: string; message: string };

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    statistics = await worker.queue(QueueName.statistics);
    fixture = await buildReachFixture(api, '69', { province: 'Sáu Chín' });
    admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('69')]]);
    otherOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('69002', '69')]]);
    const refresh = await gql<{ refreshReachStatistics: { jobId: string } }>(REFRESH, {}, admin.token);
    await statistics.finished(refresh.refreshReachStatistics.jobId);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('builds a province XLSX whose every cell equals reachStatistics, with the title above the header', async () => {
    const done = await built({ unit: { kind: 'PROVINCE', code: '69' }, format: 'XLSX' });
    expect(done).toMatchObject({
      status: 'DONE',
      progress: 100,
      format: 'XLSX',
      unit: { kind: 'PROVINCE', code: '69', id: null, name: 'Tỉnh Sáu Chín' },
      fileName: 'bao-cao-69-2026-10-01-2026-10-31.xlsx',
      errorCode: null,
    });
    expect(done.downloadUrl).toMatch(new RegExp(`^/exports/${done.id}\\?expires=\\d+&signature=[\\w-]+$`));
    expect(new Date(done.downloadUrlExpiresAt!).getTime()).toBeLessThanOrEqual(
      Date.now() + config.EXPORT_LINK_TTL_SECONDS * 1_000,
    );
    expect((await jobOf(done.id)).progress).toBe(100);

    const file = await download(done.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toBe('attachment; filename="bao-cao-69-2026-10-01-2026-10-31.xlsx"');

    const rows = await readXlsx(file.body);
    const province = await stats({ kind: 'PROVINCE', code: '69' });
    expect(rows.slice(0, 6).map((row) => row[0])).toEqual([
      REPORT_TITLE,
      'Đơn vị: Tỉnh Sáu Chín (tỉnh/thành phố, mã 69)',
      'Từ ngày 01/10/2026 đến ngày 31/10/2026',
      `Số liệu tính đến ${vietnamTime(province.asOf!)}`,
      null,
      REPORT_COLUMNS[0],
    ]);
    expect(rows[5]).toEqual([...REPORT_COLUMNS]);
    const table = rows.slice(6, 6 + province.breakdown.length + 1);
    expect(table).toEqual(expectedRows(province));
    // The statistics themselves are the hand counts of the fixture.
    expect(table).toEqual([
      ['Xã Thống Kê', '69001', 2, 21, 4, 8, 2, 100, 2 / 80],
      ['Xã Bên Cạnh', '69002', 1, 1, 1, 1, 0, 10, 0],
      ['Tổng cộng', '69', 2, 22, 5, 9, 2, 110, 2 / 90],
    ]);
    expect(rows[6 + table.length][0]).toBeNull();
    expect(String(rows[7 + table.length][0])).toMatch(/^Lượt người: /);
  });

  it('breaks a commune into its villages and teams, blank where a village has no target', async () => {
    const done = await built({ unit: { kind: 'COMMUNE', code: '69001' }, format: 'XLSX' });
    const rows = await readXlsx((await download(done.downloadUrl!)).body);
    const commune = await stats({ kind: 'COMMUNE', code: '69001' });
    expect(commune.breakdown.map((row) => row.unit.kind)).toEqual(['VILLAGE', 'VILLAGE', 'TEAM']);
    expect(rows[1][0]).toBe('Đơn vị: Xã Thống Kê (xã/phường/đặc khu, mã 69001)');
    expect(rows.slice(6, 10)).toEqual(expectedRows(commune));
    const [a1, a2, team] = rows.slice(6, 9);
    expect(a1.slice(1, 3)).toEqual([fixture.id.A1, 2]);
    expect(a2.slice(7)).toEqual([null, null]); // A2 has no target of its own
    expect(team.slice(1)).toEqual([fixture.id.T, ...a1.slice(2)]);
  });

  it('builds a CSV in UTF-8 with a BOM, the same rows, and percentages of the target', async () => {
    const done = await built({ unit: { kind: 'COMMUNE', code: '69001' }, format: 'CSV' });
    expect(done.fileName).toBe('bao-cao-69001-2026-10-01-2026-10-31.csv');
    const file = await download(done.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = readCsv(file.body.subarray(3).toString('utf8'));
    const commune = await stats({ kind: 'COMMUNE', code: '69001' });
    expect(lines[0]).toEqual([REPORT_TITLE]);
    expect(lines[5]).toEqual([...REPORT_COLUMNS]);
    const asText = (row: CellValue[]) =>
      row.map((cell, column) =>
        cell === null
          ? ''
          : column === REPORT_COLUMNS.length - 1
            ? `${((cell as number) * 100).toFixed(1)}%`
            : String(cell as string | number),
      );
    expect(lines.slice(6, 10)).toEqual(expectedRows(commune).map(asText));
    expect(lines[9]).toEqual(['Tổng cộng', '69001', '2', '21', '4', '8', '2', '100', '2.5%']);
  });

  it('returns the same export for a retried request, and refuses its id for another request', async () => {
    const id = randomUUID();
    const input = { id, unit: { kind: 'COMMUNE', code: '69002' }, format: 'CSV' };
    const first = await requestExport(input);
    const again = await requestExport(input);
    expect(first.errors).toBeUndefined();
    expect(again.data!.requestReachExport.id).toBe(id);
    await (await jobOf(id)).waitUntilFinished(statistics.events, 30_000);
    const third = await requestExport(input);
    expect(third.data!.requestReachExport).toMatchObject({ id, status: 'DONE' });
    expect(await api.sql(`select id from reach_export where id = ?`, [id])).toHaveLength(1);
    expect(
      await api.sql(`select id from audit_log where action = 'reach_export.requested' and target_id = ?`, [id]),
    ).toHaveLength(1);

    expect(codeOf(await requestExport({ ...input, format: 'XLSX' }))).toBe('EXPORT_ID_CONFLICT');
    expect(codeOf(await requestExport({ ...input, to: '2026-10-30' }))).toBe('EXPORT_ID_CONFLICT');
    expect(codeOf(await requestExport(input, admin.token))).toBe('EXPORT_ID_CONFLICT');
    expect(codeOf(await requestExport({ ...input, id: 'not-a-uuid' }))).toBe('INVALID_EXPORT_REQUEST');
  });

  it('refuses a tampered or expired link and a deleted export, answering a JSON code in Vietnamese', async () => {
    const done = await built({ unit: { kind: 'COMMUNE', code: '69002' }, format: 'XLSX' });
    const url = new URL(done.downloadUrl!, 'http://api.local');
    const signature = url.searchParams.get('signature')!;
    const expires = url.searchParams.get('expires')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;

    for (const tampered of [
      `/exports/${done.id}?expires=${expires}&signature=${flipped}`,
      `/exports/${done.id}?expires=${Number(expires) + 3_600}&signature=${signature}`,
      `/exports/${randomUUID()}?expires=${expires}&signature=${signature}`,
      `/exports/${done.id}?expires=${expires}`,
    ]) {
      const refused = await download(tampered);
      expect(refused.status).toBe(403);
      expect(json(refused.body)).toEqual({
        code: 'EXPORT_LINK_INVALID',
        message: 'Đường dẫn tải báo cáo không hợp lệ.',
      });
    }

    const expired = signExportLink(config.EXPORT_LINK_SECRET, done.id, new Date(Date.now() - 1_000));
    const late = await download(expired.url);
    expect(late.status).toBe(410);
    expect(json(late.body).code).toBe('EXPORT_LINK_EXPIRED');
    expect(json(late.body).message).toMatch(/hết hạn/);

    // Past its retention, the worker's scheduled refresh deletes the export and its file.
    await api.sql(`update reach_export set expires_at = now() - interval '1 minute' where id = ?`, [done.id]);
    expect((await download(done.downloadUrl!)).status).toBe(410);
    const refresh = await gql<{ refreshReachStatistics: { jobId: string } }>(REFRESH, {}, admin.token);
    await statistics.finished(refresh.refreshReachStatistics.jobId);
    expect(await api.sql(`select id from reach_export where id = ?`, [done.id])).toEqual([]);
    const gone = await download(done.downloadUrl!);
    expect(json(gone.body).code).toBe('EXPORT_GONE');
    expect(codeOf(await api.gql(GET, { id: done.id }, official.token))).toBe('EXPORT_NOT_FOUND');
  });

  it('scopes requests and reads like reachStatistics, and lists the caller’s own exports', async () => {
    const outside = await requestExport(
      { unit: { kind: 'COMMUNE', code: '69001' }, format: 'XLSX' },
      otherOfficial.token,
    );
    expect(codeOf(outside)).toBe('UNIT_NOT_FOUND');
    const unknown = await requestExport({ unit: { kind: 'COMMUNE', code: '69009' }, format: 'XLSX' });
    expect(codeOf(unknown)).toBe('UNIT_NOT_FOUND');
    expect(unknown.errors![0].message).toBe(outside.errors![0].message);
    expect(
      codeOf(await requestExport({ unit: { kind: 'TEAM', id: fixture.id.T }, format: 'CSV' }, otherOfficial.token)),
    ).toBe('UNIT_NOT_FOUND');
    expect(
      codeOf(
        await requestExport({ unit: { kind: 'COMMUNE', code: '69001' }, format: 'XLSX' }, fixture.volunteer.token),
      ),
    ).toBe('UNIT_NOT_FOUND');
    expect(
      codeOf(
        await requestExport({
          unit: { kind: 'COMMUNE', code: '69001' },
          from: '2026-10-31',
          to: '2026-10-01',
          format: 'CSV',
        }),
      ),
    ).toBe('INVALID_PERIOD');

    const own = await built({ unit: { kind: 'COMMUNE', code: '69002' }, format: 'CSV' }, otherOfficial.token);
    const provincial = (await requestExport({ unit: { kind: 'PROVINCE', code: '69' }, format: 'CSV' })).data!
      .requestReachExport;
    await (await jobOf(provincial.id)).waitUntilFinished(statistics.events, 30_000);
    expect(codeOf(await api.gql(GET, { id: provincial.id }, otherOfficial.token))).toBe('EXPORT_NOT_FOUND');
    expect(codeOf(await api.gql(GET, { id: randomUUID() }, official.token))).toBe('EXPORT_NOT_FOUND');
    // The province official may read the commune official's export: the unit is inside its scope.
    expect((await gql<{ reachExport: ExportView }>(GET, { id: own.id }, official.token)).reachExport.status).toBe(
      'DONE',
    );
    expect(
      (await gql<{ reachExport: ExportView }>(GET, { id: provincial.id }, admin.token)).reachExport.downloadUrl,
    ).toMatch(/^\/exports\//);

    type List = {
      reachExports: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string }[];
      };
    };
    const mine = await gql<List>(LIST, { first: 1 }, otherOfficial.token);
    expect(mine.reachExports).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      nodes: [{ id: own.id }],
    });
    const first = await gql<List>(LIST, { first: 2 }, official.token);
    expect(first.reachExports.nodes[0].id).toBe(provincial.id);
    expect(first.reachExports.pageInfo.hasNextPage).toBe(true);
    const seen = [...first.reachExports.nodes.map((node) => node.id)];
    let after: string | null = first.reachExports.pageInfo.endCursor;
    while (after) {
      const page: List = await gql<List>(LIST, { first: 2, after }, official.token);
      seen.push(...page.reachExports.nodes.map((node) => node.id));
      after = page.reachExports.pageInfo.hasNextPage ? page.reachExports.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(first.reachExports.totalCount);
    expect(seen).toContain(provincial.id);
    expect(seen).not.toContain(own.id);
  });

  it('fails an export whose requester lost access before the worker built it', async () => {
    const processor = worker.app.get(StatisticsProcessor);
    const leaving = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('69002', '69')]]);
    await processor.worker.pause(true);
    let id: string;
    try {
      const requested = await requestExport(
        { unit: { kind: 'COMMUNE', code: '69002' }, format: 'XLSX' },
        leaving.token,
      );
      id = requested.data!.requestReachExport.id;
      await api.sql(`update role_grant set revoked_at = now() where account_id = ?`, [leaving.accountId]);
    } finally {
      processor.worker.resume();
    }
    await expect((await jobOf(id)).waitUntilFinished(statistics.events, 30_000)).rejects.toThrow('UNIT_NOT_FOUND');
    const [row] = await api.sql<{ status: string; error_code: string; file: Buffer | null }>(
      `select status, error_code, file from reach_export where id = ?`,
      [id],
    );
    expect(row).toEqual({ status: 'FAILED', error_code: 'UNIT_NOT_FOUND', file: null });
  });

  it('audits every request and every download with ids only', async () => {
    const requested = await api.sql<{ actor_account_id: string; target_id: string; details: Record<string, unknown> }>(
      `select actor_account_id::text, target_id, details from audit_log
        where action = 'reach_export.requested' and details->>'unitKey' like '69%'`,
    );
    const exports = await api.sql<{ id: string }>(`select id::text from reach_export where province_code = '69'`);
    for (const { id } of exports) expect(requested.map((row) => row.target_id)).toContain(id);
    expect(requested.find((row) => row.actor_account_id === official.accountId)?.details).toEqual({
      unitKind: expect.any(String),
      unitKey: expect.stringMatching(/^69/),
      from: '2026-10-01',
      to: expect.any(String),
      format: expect.stringMatching(/^(XLSX|CSV)$/),
    });
    const downloaded = await api.sql<{ target_id: string; details: string }>(
      `select target_id, details::text from audit_log where action = 'reach_export.downloaded'`,
    );
    expect(downloaded).toHaveLength(downloads);
    for (const row of [...requested, ...downloaded]) {
      expect(JSON.stringify(row.details)).not.toMatch(/Thống Kê|Bên Cạnh|Sáu Chín/);
    }
  });
});
