import { randomInt, randomUUID } from 'node:crypto';
import { Role, type Scope, ScopeKind } from '@hocvuso/access';
import { createActor, scopes, type TestActor } from './support/actors';
import { CREATE_COURSE, ENROLL, publishedCourse } from './fixtures/courses/course-fixtures';
import { ApiHarness, type GraphQLResult } from './support/api-harness';

/**
 * Every role against every operation family the API has, once on a target inside the grant's
 * scope and once on the same kind of target in another province. The expectations are written
 * out here, role by role, rather than derived from the permission table they check.
 *
 * Places: province 89 (commune 89001 with village "in", venue in it) is home to every grant;
 * province 90 (commune 90001, village "out") is outside all of them but the ADMIN's.
 */
const HOME_PROVINCE = '89';
const HOME_COMMUNE = '89001';
const AWAY_PROVINCE = '90';
const AWAY_COMMUNE = '90001';

type Family =
  | 'createVillage'
  | 'importPlaces'
  | 'readResident'
  | 'listResidents'
  | 'nestedResidentCount'
  | 'unmaskedContact'
  | 'exportResidentData'
  | 'createResident'
  | 'grantRole'
  | 'createCourse'
  | 'enrollResident'
  | 'readTeams'
  | 'setReachTarget'
  | 'readReachStatistics'
  | 'requestReachExport'
  | 'scheduleLiveSession';

const families: Family[] = [
  'createVillage',
  'importPlaces',
  'readResident',
  'listResidents',
  'nestedResidentCount',
  'unmaskedContact',
  'exportResidentData',
  'createResident',
  'grantRole',
  'createCourse',
  'enrollResident',
  'readTeams',
  'setReachTarget',
  'readReachStatistics',
  'requestReachExport',
  'scheduleLiveSession',
];

/** Families whose target (a province or commune code) is public: refusing with FORBIDDEN reveals nothing. */
const publicTargets: readonly Family[] = ['createCourse', 'readTeams', 'setReachTarget', 'scheduleLiveSession'];

/** What each role may do on its home ground. Outside it, only ADMIN may do anything. */
const allowedAtHome: Record<Role, readonly Family[]> = {
  ADMIN: families,
  PROVINCE_OFFICIAL: families,
  COMMUNE_OFFICIAL: families.filter((family) => family !== 'createCourse'),
  YOUTH_LEADER: [
    'readResident',
    'listResidents',
    'nestedResidentCount',
    'createResident',
    'grantRole',
    'enrollResident',
    'readTeams',
    'readReachStatistics',
    'requestReachExport',
  ],
  TEAM_LEADER: ['readResident', 'listResidents', 'nestedResidentCount', 'createResident', 'enrollResident'],
  VOLUNTEER: ['readResident', 'listResidents', 'nestedResidentCount', 'createResident', 'enrollResident'],
  TRAINER: ['createCourse', 'scheduleLiveSession'],
  VENUE_FACILITATOR: [],
  // a resident reaches its own record only (and enrolls itself)
  RESIDENT: ['readResident', 'unmaskedContact', 'exportResidentData', 'enrollResident'],
};

interface Ground {
  provinceCode: string;
  communeCode: string;
  villageId: string;
  residentId: string;
}

interface Outcome {
  allowed: boolean;
  /** the error code, when refused */
  code?: string;
}

const consent = { purposes: ['LEARNING'], method: 'ASSISTED_BY_VOLUNTEER' };
const randomPhone = () => `09${String(randomInt(0, 1e8)).padStart(8, '0')}`;

function outcomeOf(
  result: GraphQLResult,
  refusedWhen: (data: Record<string, unknown>) => boolean = () => false,
): Outcome {
  const code = result.errors?.[0]?.extensions?.code;
  if (code) return { allowed: false, code };
  return refusedWhen(result.data ?? {}) ? { allowed: false, code: 'EMPTY' } : { allowed: true };
}

describe('authorization matrix: every role, every operation family, in and out of scope', () => {
  let api: ApiHarness;
  let admin: TestActor;
  let home: Ground;
  let away: Ground;
  let venueId: string;
  let nationalCourseId: string;
  const actors = new Map<Role, TestActor>();
  const tag = randomUUID().slice(0, 6);

  async function village(communeCode: string, name: string): Promise<string> {
    const result = await api.gql<{ createVillage: { id: string } }>(
      `mutation ($input: CreateVillageInput!) { createVillage(input: $input) { id } }`,
      { input: { communeCode, name, kind: 'THON' } },
      admin.token,
    );
    return result.data!.createVillage.id;
  }

  async function resident(villageId: string, fullName: string): Promise<string> {
    const result = await api.gql<{ createResident: { id: string } }>(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      { input: { villageId, fullName, birthYear: 1960, phone: randomPhone(), consent } },
      admin.token,
    );
    return result.data!.createResident.id;
  }

  function homeScope(role: Role): Scope {
    switch (role) {
      case Role.ADMIN:
        return scopes.nation();
      case Role.PROVINCE_OFFICIAL:
      case Role.TRAINER:
        return scopes.province(HOME_PROVINCE);
      case Role.COMMUNE_OFFICIAL:
      case Role.YOUTH_LEADER:
        return scopes.commune(HOME_COMMUNE, HOME_PROVINCE);
      case Role.VENUE_FACILITATOR:
        return {
          kind: ScopeKind.VENUE,
          id: venueId,
          provinceCode: HOME_PROVINCE,
          communeCode: HOME_COMMUNE,
          villageId: home.villageId,
        };
      default:
        return scopes.village(home.villageId, HOME_COMMUNE, HOME_PROVINCE);
    }
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         (?, 'Tám Chín', 'Tỉnh Tám Chín', 'Test 89', 'PROVINCE', 'tam chin'),
         (?, 'Chín Mươi', 'Tỉnh Chín Mươi', 'Test 90', 'PROVINCE', 'chin muoi')
       on conflict (code) do nothing`,
      [HOME_PROVINCE, AWAY_PROVINCE],
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         (?, ?, 'Ma Trận', 'Xã Ma Trận', 'Ma Tran', 'XA', 'xa ma tran'),
         (?, ?, 'Bên Ngoài', 'Xã Bên Ngoài', 'Ben Ngoai', 'XA', 'xa ben ngoai')
       on conflict (code) do nothing`,
      [HOME_COMMUNE, HOME_PROVINCE, AWAY_COMMUNE, AWAY_PROVINCE],
    );
    admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    const homeVillage = await village(HOME_COMMUNE, `Thôn Trong ${tag}`);
    const awayVillage = await village(AWAY_COMMUNE, `Thôn Ngoài ${tag}`);
    home = {
      provinceCode: HOME_PROVINCE,
      communeCode: HOME_COMMUNE,
      villageId: homeVillage,
      residentId: await resident(homeVillage, 'Lê Thị Hoa'),
    };
    away = {
      provinceCode: AWAY_PROVINCE,
      communeCode: AWAY_COMMUNE,
      villageId: awayVillage,
      residentId: await resident(awayVillage, 'Trần Văn Bình'),
    };
    const venue = await api.gql<{ createVenue: { id: string } }>(
      `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`,
      { input: { villageId: homeVillage, name: `Nhà văn hóa ${tag}`, capacity: 80 } },
      admin.token,
    );
    venueId = venue.data!.createVenue.id;
    nationalCourseId = (await publishedCourse(api, admin.token, { lessons: 1 })).courseId;
    for (const role of Object.values(Role)) {
      const options = role === Role.RESIDENT ? { residentId: home.residentId } : {};
      actors.set(role, await createActor(api, [[role, homeScope(role)]], options));
    }
  });

  afterAll(async () => {
    await api.close();
  });

  /** Runs one operation family against `ground` as `actor`; returns whether it was allowed. */
  async function attempt(family: Family, actor: TestActor, ground: Ground): Promise<Outcome> {
    const as = api.as(actor.token);
    switch (family) {
      case 'createVillage':
        return outcomeOf(
          await as.gql(`mutation ($input: CreateVillageInput!) { createVillage(input: $input) { id } }`, {
            input: { communeCode: ground.communeCode, name: `Thôn ${randomUUID().slice(0, 8)}`, kind: 'THON' },
          }),
        );
      case 'importPlaces': {
        const csv = `Mã xã,Tên thôn,Loại\n${ground.communeCode},Thôn Nhập ${tag},thôn\n`;
        const result = await as.gql<{ importVillagesAndVenues: { ok: boolean; errors: { code: string }[] } }>(
          `mutation ($input: ImportVillagesAndVenuesInput!) {
             importVillagesAndVenues(input: $input) { ok errors { code } }
           }`,
          { input: { fileName: 'thon.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: true } },
        );
        const rowCode = result.data?.importVillagesAndVenues.errors[0]?.code;
        return rowCode ? { allowed: false, code: rowCode } : outcomeOf(result);
      }
      case 'readResident':
        return outcomeOf(
          await as.gql(`query ($id: ID!) { resident(id: $id) { id fullName } }`, { id: ground.residentId }),
        );
      case 'listResidents':
        return outcomeOf(
          await as.gql<{ residents: { totalCount: number } }>(
            `query ($code: String) { residents(communeCode: $code) { totalCount nodes { id } } }`,
            { code: ground.communeCode },
          ),
          (data) => (data as { residents: { totalCount: number } }).residents.totalCount === 0,
        );
      case 'nestedResidentCount':
        // A public geography query must not hand out counts of residents outside the caller's scope.
        return outcomeOf(
          await as.gql(`query ($id: ID!) { village(id: $id) { name residentCount } }`, { id: ground.villageId }),
          (data) => (data as { village: { residentCount: number | null } }).village.residentCount === null,
        );
      case 'unmaskedContact':
        return outcomeOf(
          await as.gql(`query ($id: ID!) { residentContact(id: $id) { phone } }`, { id: ground.residentId }),
        );
      case 'exportResidentData':
        return outcomeOf(
          await as.gql(`query ($id: ID!) { exportResidentData(residentId: $id) { generatedAt } }`, {
            id: ground.residentId,
          }),
        );
      case 'createResident':
        return outcomeOf(
          await as.gql(`mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`, {
            input: {
              villageId: ground.villageId,
              fullName: 'Đặng Văn Khoa',
              birthYear: 1975,
              phone: randomPhone(),
              consent,
            },
          }),
        );
      case 'createCourse':
        return outcomeOf(
          await as.gql(CREATE_COURSE, {
            input: {
              slug: `ma-tran-${randomUUID().slice(0, 8)}`,
              provinceCode: ground.provinceCode,
              title: 'Khóa học ma trận quyền',
              summary: 'Kiểm tra quyền tạo khóa học.',
              audience: 'RESIDENTS',
              topic: 'ONLINE_SAFETY',
              estimatedMinutes: 20,
            },
          }),
        );
      case 'enrollResident':
        return outcomeOf(await as.gql(ENROLL, { courseId: nationalCourseId, residentId: ground.residentId }));
      case 'readTeams':
        return outcomeOf(
          await as.gql(`query ($code: String!) { teams(communeCode: $code) { totalCount } }`, {
            code: ground.communeCode,
          }),
        );
      case 'setReachTarget':
        return outcomeOf(
          await as.gql(`mutation ($input: SetReachTargetInput!) { setReachTarget(input: $input) { __typename } }`, {
            input: { communeCode: ground.communeCode, adultPopulation: 1200, targetPercent: 80, dueOn: '2026-12-31' },
          }),
        );
      case 'readReachStatistics':
        return outcomeOf(
          await as.gql(
            `query ($unit: ReachUnitInput!) {
               reachStatistics(unit: $unit, from: "2026-10-01", to: "2026-10-31") { figures { uniquePeople } }
             }`,
            { unit: { kind: 'COMMUNE', code: ground.communeCode } },
          ),
        );
      case 'requestReachExport':
        return outcomeOf(
          await as.gql(`mutation ($input: RequestReachExportInput!) { requestReachExport(input: $input) { id } }`, {
            input: {
              unit: { kind: 'COMMUNE', code: ground.communeCode },
              from: '2026-10-01',
              to: '2026-10-31',
              format: 'CSV',
            },
          }),
        );
      case 'scheduleLiveSession': {
        const start = Date.now() + 86_400_000;
        return outcomeOf(
          await as.gql(`mutation ($input: CreateLiveSessionInput!) { createLiveSession(input: $input) { id } }`, {
            input: {
              title: 'Lớp học ma trận quyền',
              scheduledStart: new Date(start).toISOString(),
              scheduledEnd: new Date(start + 3_600_000).toISOString(),
              streamUrl: 'https://stream.example.vn/live/ma-tran',
              targetCommuneCodes: [ground.communeCode],
            },
          }),
        );
      }
      case 'grantRole': {
        const target = await createActor(api, []);
        return outcomeOf(
          await as.gql(`mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id } }`, {
            input: { accountId: target.accountId, role: 'VOLUNTEER', scope: { kind: 'VILLAGE', id: ground.villageId } },
          }),
        );
      }
    }
  }

  const cases = Object.values(Role).flatMap((role) => families.map((family) => [role, family] as const));

  it.each(cases)('%s: %s at home', async (role, family) => {
    const outcome = await attempt(family, actors.get(role)!, home);
    expect({ role, family, allowed: outcome.allowed }).toEqual({
      role,
      family,
      allowed: allowedAtHome[role].includes(family),
    });
  });

  it.each(cases)('%s: %s in another province', async (role, family) => {
    const outcome = await attempt(family, actors.get(role)!, away);
    expect({ role, family, allowed: outcome.allowed }).toEqual({ role, family, allowed: role === Role.ADMIN });
    if (role !== Role.ADMIN && !publicTargets.includes(family)) {
      // Refused exactly as if the target did not exist: no FORBIDDEN that would confirm it does.
      expect(outcome.code).not.toBe('FORBIDDEN');
    }
  });

  it('answers an anonymous caller UNAUTHENTICATED on every family that needs an account', async () => {
    const anonymous = { accountId: '', familyId: '', token: '' };
    for (const family of families.filter((f) => f !== 'nestedResidentCount')) {
      const outcome = await attempt(family, anonymous, home);
      expect({ family, code: outcome.code }).toEqual({ family, code: 'UNAUTHENTICATED' });
    }
  });

  it('gives a nested list of villages no resident counts outside the caller’s scope', async () => {
    const volunteer = api.as(actors.get(Role.VOLUNTEER)!.token);
    const result = await volunteer.gql<{
      commune: { villages: { nodes: { id: string; residentCount: number | null }[] } };
    }>(`query ($code: String!) { commune(code: $code) { villages { nodes { id residentCount } } } }`, {
      code: AWAY_COMMUNE,
    });
    expect(result.errors).toBeUndefined();
    const counts = result.data!.commune.villages.nodes.map((node) => node.residentCount);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((count) => count === null)).toBe(true);
  });
});
