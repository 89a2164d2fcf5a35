import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { Workbook } from 'exceljs';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const SET = `mutation ($input: SetReachTargetInput!) {
  setReachTarget(input: $input) { id communeCode villageId adultPopulation targetPercent targetPeople dueOn updatedAt }
}`;
const IMPORT = `mutation ($input: ImportReachTargetsInput!) {
  importReachTargets(input: $input) { ok rowsRead created updated unchanged errors { row column code message } }
}`;
const LIST = `query ($first: Int, $after: String) {
  reachTargets(communeCode: "64001", first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id villageId adultPopulation targetPercent dueOn }
  }
}`;

interface Target {
  id: string;
  villageId: string | null;
  adultPopulation: number;
  targetPercent: number;
  targetPeople: number;
  dueOn: string;
  updatedAt: string;
}
interface ImportResult {
  ok: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
}
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8').toString('base64');

/** Province 64: commune 64001 (villages Upper and Lower) is the official's; commune 64002 is not. */
describe('reach targets are upserted by hand and imported from spreadsheets all or nothing', () => {
  let api: ApiHarness;
  let official: TestActor;
  let otherOfficial: TestActor;
  let youthLeader: TestActor;
  let upper: string;
  let lower: string;
  let foreign: string;
  const tag = randomUUID().slice(0, 6);
  const upperName = `Thôn Thượng ${tag}`;
  const lowerName = `Thôn Hạ ${tag}`;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('64', 'Sáu Tư', 'Tỉnh Sáu Tư', 'Test 64', 'PROVINCE', 'sau tu')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('64001', '64', 'Xã Chỉ Tiêu', 'Xã Chỉ Tiêu', 'Chi Tieu', 'XA', 'xa chi tieu'), ('64002', '64', 'Xã Khác', 'Xã Khác', 'Khac', 'XA', 'xa khac')
       on conflict (code) do nothing`,
    );
    upper = await village(api, '64001', upperName);
    lower = await village(api, '64001', lowerName);
    foreign = await village(api, '64002', `Thôn Ngoài ${tag}`);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('64001', '64')]]);
    otherOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('64002', '64')]]);
    youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('64001', '64')]]);
  });

  afterAll(() => api.close());

  it('upserts a commune’s target by due day: the same again changes nothing, a new figure updates the row', async () => {
    const input = { communeCode: '64001', adultPopulation: 5_001, targetPercent: 80, dueOn: '2025-12-31' };
    const first = await api.gql<{ setReachTarget: Target }>(SET, { input }, official.token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.setReachTarget).toMatchObject({ villageId: null, targetPeople: 4_001 });
    const again = await api.gql<{ setReachTarget: Target }>(SET, { input }, official.token);
    expect(again.data).toEqual(first.data);
    const changed = await api.gql<{ setReachTarget: Target }>(
      SET,
      { input: { ...input, targetPercent: 85 } },
      official.token,
    );
    expect(changed.data!.setReachTarget).toMatchObject({ id: first.data!.setReachTarget.id, targetPercent: 85 });
    const later = await api.gql<{ setReachTarget: Target }>(
      SET,
      { input: { ...input, dueOn: '2026-06-30' } },
      official.token,
    );
    expect(later.data!.setReachTarget.id).not.toBe(first.data!.setReachTarget.id);
    const village = await api.gql<{ setReachTarget: Target }>(
      SET,
      { input: { ...input, villageId: upper, adultPopulation: 400 } },
      official.token,
    );
    expect(village.data!.setReachTarget.villageId).toBe(upper);
    const audit = await api.sql<{ details: { source: string; created: number; updated: number } }>(
      `select details from audit_log where action = 'reach_targets.set' and target_id = '64001' order by id`,
    );
    expect(audit.map((row) => [row.details.created, row.details.updated])).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
  });

  it('refuses bad figures and days, and answers NOT_FOUND outside the scope or without TARGETS_MANAGE', async () => {
    const input = { communeCode: '64001', adultPopulation: 100, targetPercent: 80, dueOn: '2025-12-31' };
    expect(codeOf(await api.gql(SET, { input: { ...input, targetPercent: 0 } }, official.token))).toBe(
      'INVALID_TARGET_PERCENT',
    );
    expect(codeOf(await api.gql(SET, { input: { ...input, targetPercent: 101 } }, official.token))).toBe(
      'INVALID_TARGET_PERCENT',
    );
    expect(codeOf(await api.gql(SET, { input: { ...input, adultPopulation: -1 } }, official.token))).toBe(
      'INVALID_ADULT_POPULATION',
    );
    expect(codeOf(await api.gql(SET, { input: { ...input, dueOn: '31/12/2025' } }, official.token))).toBe(
      'INVALID_DATE',
    );
    expect(codeOf(await api.gql(SET, { input: { ...input, villageId: foreign } }, official.token))).toBe(
      'VILLAGE_NOT_FOUND',
    );
    expect(codeOf(await api.gql(SET, { input }, otherOfficial.token))).toBe('COMMUNE_NOT_FOUND');
    expect(codeOf(await api.gql(SET, { input }, youthLeader.token))).toBe('COMMUNE_NOT_FOUND');
    expect(codeOf(await api.gql(LIST, {}, otherOfficial.token))).toBe('COMMUNE_NOT_FOUND');
    const read = await api.gql<{ reachTargets: { totalCount: number } }>(LIST, {}, youthLeader.token);
    expect(read.data!.reachTargets.totalCount).toBeGreaterThan(0);
  });

  it('reports every bad row of a file by its row number and column, and writes nothing', async () => {
    const before = await targetCount(api);
    const result = await api.gql<{ importReachTargets: ImportResult }>(
      IMPORT,
      {
        input: {
          communeCode: '64001',
          fileName: 'chi-tieu.csv',
          contentBase64: csv([
            'Thôn;Số người trưởng thành;Chỉ tiêu (%);Hạn hoàn thành',
            `${upperName};1.200;80%;31/12/2025`,
            `Thôn Không Có;300;80;31/12/2025`,
            `${lowerName};ba trăm;80;31/12/2025`,
            `${lowerName};300;180;31/02/2025`,
            `${upperName.toUpperCase()};1.250;80;31/12/2025`,
          ]),
        },
      },
      official.token,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.importReachTargets;
    expect(report).toMatchObject({ ok: false, rowsRead: 5, created: 0 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Thôn', 'VILLAGE_NOT_FOUND'],
      [4, 'Số người trưởng thành', 'INVALID_ADULT_POPULATION'],
      [5, 'Chỉ tiêu (%)', 'INVALID_TARGET_PERCENT'],
      [5, 'Hạn hoàn thành', 'INVALID_DATE'],
      [6, 'Thôn', 'DUPLICATE_IN_FILE'],
    ]);
    expect(report.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await targetCount(api)).toBe(before);
  });

  it('imports an Excel file with a title row, Excel dates and percent cells; importing it again changes nothing', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Chỉ tiêu');
    sheet.addRow(['CHỈ TIÊU PHỔ CẬP KỸ NĂNG SỐ NĂM 2026']);
    sheet.addRow(['Thôn / tổ dân phố', 'Số người trưởng thành', 'Chỉ tiêu (%)', 'Hạn hoàn thành']);
    sheet.addRow([null, 5_100, 0.9, new Date(Date.UTC(2026, 11, 31))]);
    sheet.addRow([lowerName, 620, 0.8, new Date(Date.UTC(2026, 11, 31))]);
    sheet.addRow([upperName, '1.310', '90%', '31/12/2026']);
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const input = { communeCode: '64001', fileName: 'Chỉ tiêu 2026.xlsx', contentBase64 };

    const dry = await api.gql<{ importReachTargets: ImportResult }>(
      IMPORT,
      { input: { ...input, dryRun: true } },
      official.token,
    );
    expect(dry.data!.importReachTargets).toMatchObject({ ok: true, rowsRead: 3, created: 0 });
    const first = await api.gql<{ importReachTargets: ImportResult }>(IMPORT, { input }, official.token);
    expect(first.data!.importReachTargets).toMatchObject({
      ok: true,
      rowsRead: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const again = await api.gql<{ importReachTargets: ImportResult }>(IMPORT, { input }, official.token);
    expect(again.data!.importReachTargets).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });

    const rows = await api.sql<{ village_id: string | null; adult_population: number; target_percent: number }>(
      `select village_id, adult_population, target_percent from reach_target where commune_code = '64001' and due_on = '2026-12-31'
        order by adult_population`,
    );
    expect(rows).toEqual([
      { village_id: lower, adult_population: 620, target_percent: 80 },
      { village_id: upper, adult_population: 1_310, target_percent: 90 },
      { village_id: null, adult_population: 5_100, target_percent: 90 },
    ]);
  });

  it('lists a commune’s targets: the commune’s own first, then villages by name, each by due day, page by page', async () => {
    const all = await api.gql<{ reachTargets: { totalCount: number; nodes: Target[] } }>(
      LIST,
      { first: 200 },
      official.token,
    );
    const nodes = all.data!.reachTargets.nodes;
    expect(nodes.map((n) => [n.villageId, n.dueOn])).toEqual([
      [null, '2025-12-31'],
      [null, '2026-06-30'],
      [null, '2026-12-31'],
      [lower, '2026-12-31'],
      [upper, '2025-12-31'],
      [upper, '2026-12-31'],
    ]);
    const pages: Target[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResult<{
        reachTargets: { nodes: Target[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      }> = await api.gql(LIST, { first: 4, after }, official.token);
      pages.push(...page.data!.reachTargets.nodes);
      after = page.data!.reachTargets.pageInfo.hasNextPage ? page.data!.reachTargets.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
  });

  it('refuses a file that is not a targets spreadsheet, and one from outside the scope', async () => {
    const notCsv = await api.gql(
      IMPORT,
      { input: { communeCode: '64001', fileName: 'ds.csv', contentBase64: csv(['Họ và tên;Năm sinh', 'A;1950']) } },
      official.token,
    );
    expect(codeOf(notCsv)).toBe('TARGETS_FILE_INVALID');
    expect(notCsv.errors?.[0].extensions?.details).toMatchObject({
      missingColumns: ['Số người trưởng thành', 'Chỉ tiêu (%)', 'Hạn hoàn thành'],
    });
    const pdf = await api.gql(
      IMPORT,
      { input: { communeCode: '64001', fileName: 'ds.pdf', contentBase64: csv(['x']) } },
      official.token,
    );
    expect(codeOf(pdf)).toBe('TARGETS_FILE_INVALID');
    const outside = await api.gql(
      IMPORT,
      {
        input: {
          communeCode: '64001',
          fileName: 'a.csv',
          contentBase64: csv(['Số người trưởng thành;Chỉ tiêu (%);Hạn hoàn thành', '1;1;31/12/2025']),
        },
      },
      otherOfficial.token,
    );
    expect(codeOf(outside)).toBe('COMMUNE_NOT_FOUND');
  });
});

async function targetCount(api: ApiHarness): Promise<number> {
  const [{ n }] = await api.sql<{ n: number }>(`select count(*)::int as n from reach_target`);
  return n;
}

async function village(api: ApiHarness, communeCode: string, name: string): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, ?, ?, 'THON', ?)`, [
    id,
    communeCode,
    name,
    foldVietnamese(name),
  ]);
  return id;
}
