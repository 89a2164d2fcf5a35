import { foldVietnamese } from '@hocvuso/geography';
import { Role } from '@hocvuso/access';
import { createActor, scopes } from './support/actors';
import { ApiHarness } from './support/api-harness';

/**
 * Geography reads and the village/venue mutations over real HTTP and PostgreSQL. Fixture rows
 * use real codes for Hưng Yên (33) and Phường Phố Hiến (11953) and a made-up province 97 with
 * 60 communes for paging; inserts skip rows another test file already imported.
 */
const FAKE_PROVINCE = '97';
const fakeCommuneCodes = Array.from({ length: 60 }, (_, i) => `97${String(i + 1).padStart(3, '0')}`);

async function insertFixtures(api: ApiHarness): Promise<void> {
  const provinces: [string, string, string, string, string][] = [
    ['33', 'Hưng Yên', 'Tỉnh Hưng Yên', 'Hung Yen', 'PROVINCE'],
    ['01', 'Hà Nội', 'Thành phố Hà Nội', 'Hanoi', 'CITY'],
    [FAKE_PROVINCE, 'Thử Nghiệm', 'Tỉnh Thử Nghiệm', 'Test Province', 'PROVINCE'],
  ];
  for (const [code, name, fullName, nameEn, kind] of provinces) {
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing`,
      [code, name, fullName, nameEn, kind, foldVietnamese(`${fullName} ${name} ${nameEn}`)],
    );
  }
  const communes: [string, string, string, string, string, string][] = [
    ['11953', '33', 'Phố Hiến', 'Phường Phố Hiến', 'Pho Hien', 'PHUONG'],
    ['00004', '01', 'Ba Đình', 'Phường Ba Đình', 'Ba Dinh', 'PHUONG'],
    ...fakeCommuneCodes.map((code, i): [string, string, string, string, string, string] => [
      code,
      FAKE_PROVINCE,
      `Số ${i + 1}`,
      i % 3 === 0 ? `Phường Số ${i + 1}` : `Xã Số ${i + 1}`,
      `No ${i + 1}`,
      i % 3 === 0 ? 'PHUONG' : 'XA',
    ]),
  ];
  for (const [code, provinceCode, name, fullName, nameEn, kind] of communes) {
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing`,
      [code, provinceCode, name, fullName, nameEn, kind, foldVietnamese(`${fullName} ${name} ${nameEn}`)],
    );
  }
}

describe('geography queries and village/venue mutations', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await insertFixtures(api);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('search ignores accents and case', () => {
    it.each(['hung yen', 'HƯNG YÊN', 'Hưng Yên', 'Hưng Yên'.normalize('NFD'), 'tinh hung'])(
      '"%s" finds Hưng Yên',
      async (search) => {
        const result = await api.gql<{ provinces: { totalCount: number; nodes: { code: string }[] } }>(
          `query($search: String) { provinces(search: $search) { totalCount nodes { code } } }`,
          { search },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.provinces.nodes.map((p) => p.code)).toEqual(['33']);
        expect(result.data?.provinces.totalCount).toBe(1);
      },
    );

    it('"pho hien" finds Phường Phố Hiến among the communes of Hưng Yên', async () => {
      const result = await api.gql<{ communes: { nodes: { code: string; fullName: string; kind: string }[] } }>(
        `{ communes(provinceCode: "33", search: "pho hien") { nodes { code fullName kind } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.communes.nodes).toEqual([{ code: '11953', fullName: 'Phường Phố Hiến', kind: 'PHUONG' }]);
    });

    it('a search that matches nothing returns an empty page, not an error', async () => {
      const result = await api.gql<{ communes: { totalCount: number; nodes: unknown[] } }>(
        `{ communes(provinceCode: "33", search: "khong ton tai xyz") { totalCount nodes { code } } }`,
      );
      expect(result.data?.communes).toEqual({ totalCount: 0, nodes: [] });
    });
  });

  describe('cursor pagination', () => {
    it('walks all 60 communes of a province in pages of 25 without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: Awaited<
          ReturnType<
            typeof api.gql<{
              communes: {
                totalCount: number;
                nodes: { code: string }[];
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            }>
          >
        > = await api.gql(
          `query($after: String) { communes(provinceCode: "${FAKE_PROVINCE}", first: 25, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(result.errors).toBeUndefined();
        const page = result.data!.communes;
        expect(page.totalCount).toBe(60);
        seen.push(...page.nodes.map((c) => c.code));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(fakeCommuneCodes);
    });

    it('combines the kind filter with search and paging', async () => {
      const result = await api.gql<{ communes: { totalCount: number; nodes: { code: string; kind: string }[] } }>(
        `{ communes(provinceCode: "${FAKE_PROVINCE}", kind: PHUONG, search: "so", first: 5) { totalCount nodes { code kind } } }`,
      );
      expect(result.data?.communes.totalCount).toBe(20);
      expect(result.data?.communes.nodes).toHaveLength(5);
      expect(result.data?.communes.nodes.every((c) => c.kind === 'PHUONG')).toBe(true);
    });

    it.each([
      ['a forged cursor', `after: "not-a-cursor"`, 'INVALID_CURSOR'],
      ['a page size of 0', `first: 0`, 'INVALID_PAGE_SIZE'],
      ['a page size over 200', `first: 201`, 'INVALID_PAGE_SIZE'],
    ])('rejects %s with a stable code and a Vietnamese message', async (_label, args, code) => {
      const result = await api.gql(`{ communes(provinceCode: "${FAKE_PROVINCE}", ${args}) { totalCount } }`);
      expect(result.errors?.[0].extensions?.code).toBe(code);
      expect(result.errors?.[0].message).toMatch(/[ạ-ỹà-ỹ]/u);
    });

    it('answers an unknown code the same way as a missing unit', async () => {
      const province = await api.gql(`{ province(code: "00") { code } }`);
      const commune = await api.gql(`{ commune(code: "abc") { code } }`);
      expect(province.errors?.[0].extensions?.code).toBe('PROVINCE_NOT_FOUND');
      expect(commune.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
    });
  });

  describe('nested fields are batched', () => {
    it('loads the province of 60 communes and their village counts with a fixed number of queries', async () => {
      const query = `{ communes(provinceCode: "${FAKE_PROVINCE}", first: 60) { nodes { code villageCount province { code communeCount } } } }`;
      let result:
        | Awaited<
            ReturnType<typeof api.gql<{ communes: { nodes: { province: { code: string; communeCount: number } }[] } }>>
          >
        | undefined;
      const queries = await api.countQueries(async () => {
        result = await api.gql(query);
      });
      expect(result?.errors).toBeUndefined();
      expect(result?.data?.communes.nodes).toHaveLength(60);
      expect(
        result?.data?.communes.nodes.every((c) => c.province.code === FAKE_PROVINCE && c.province.communeCount === 60),
      ).toBe(true);
      // province check + page + count + one batch each for villageCount, province, communeCount
      expect(queries).toBeLessThanOrEqual(6);
    });
  });

  describe('villages and venues', () => {
    // Writes need GEOGRAPHY_MANAGE; who may write where is the authorization matrix's subject.
    let manager: ReturnType<ApiHarness['as']>;
    beforeAll(async () => {
      manager = api.as((await createActor(api, [[Role.ADMIN, scopes.nation()]])).token);
    });

    const createVillage = `mutation($input: CreateVillageInput!) { createVillage(input: $input) { id name kind commune { code } } }`;
    const createVenue = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id name capacity village { id name } } }`;

    it('creates a village once: a retry, even typed without accents, returns the same one', async () => {
      const first = await manager.gql<{ createVillage: { id: string; name: string } }>(createVillage, {
        input: { communeCode: '11953', name: '  Tổ dân phố   Hiến Nam ', kind: 'TO_DAN_PHO' },
      });
      expect(first.errors).toBeUndefined();
      expect(first.data?.createVillage.name).toBe('Tổ dân phố Hiến Nam');
      const retry = await manager.gql<{ createVillage: { id: string } }>(createVillage, {
        input: { communeCode: '11953', name: 'to dan pho hien nam', kind: 'TO_DAN_PHO' },
      });
      expect(retry.data?.createVillage.id).toBe(first.data?.createVillage.id);
      const rows = await api.sql<{ n: number }>(
        `select count(*)::int as n from village where commune_code = '11953' and search_text = 'to dan pho hien nam'`,
      );
      expect(rows[0].n).toBe(1);
    });

    it('refuses a clash (same name, other kind), an empty name and an unknown commune, writing nothing', async () => {
      const before = await api.sql<{ n: number }>(`select count(*)::int as n from village`);
      const clash = await manager.gql(createVillage, {
        input: { communeCode: '11953', name: 'Tổ dân phố Hiến Nam', kind: 'THON' },
      });
      const empty = await manager.gql(createVillage, { input: { communeCode: '11953', name: ' - ', kind: 'THON' } });
      const unknown = await manager.gql(createVillage, {
        input: { communeCode: '00000', name: 'Thôn Mới', kind: 'THON' },
      });
      expect(clash.errors?.[0].extensions?.code).toBe('VILLAGE_NAME_TAKEN');
      expect(empty.errors?.[0].extensions?.code).toBe('INVALID_NAME');
      expect(unknown.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
      const after = await api.sql<{ n: number }>(`select count(*)::int as n from village`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('renames and moves a village and a venue, and lists them by commune', async () => {
      const village = await manager.gql<{ createVillage: { id: string } }>(createVillage, {
        input: { communeCode: '11953', name: 'Thôn Đông', kind: 'THON' },
      });
      const villageId = village.data!.createVillage.id;
      const renamed = await manager.gql<{ renameVillage: { name: string } }>(
        `mutation { renameVillage(id: "${villageId}", name: "Thôn Đông Tảo") { name } }`,
      );
      expect(renamed.data?.renameVillage.name).toBe('Thôn Đông Tảo');

      const venue = await manager.gql<{ createVenue: { id: string; capacity: number; village: { name: string } } }>(
        createVenue,
        {
          input: { villageId, name: 'Nhà văn hóa thôn Đông Tảo', capacity: 150 },
        },
      );
      expect(venue.errors).toBeUndefined();
      expect(venue.data?.createVenue).toMatchObject({ capacity: 150, village: { name: 'Thôn Đông Tảo' } });
      const venueId = venue.data!.createVenue.id;
      const badCapacity = await manager.gql(createVenue, { input: { villageId, name: 'Hội trường', capacity: -5 } });
      expect(badCapacity.errors?.[0].extensions?.code).toBe('INVALID_CAPACITY');

      const listed = await manager.gql<{
        commune: { villages: { nodes: { name: string }[] }; venues: { nodes: { id: string }[] } };
      }>(`{ commune(code: "11953") { villages(search: "dong tao") { nodes { name } } venues { nodes { id } } } }`);
      expect(listed.data?.commune.villages.nodes).toEqual([{ name: 'Thôn Đông Tảo' }]);
      expect(listed.data?.commune.venues.nodes.map((v) => v.id)).toContain(venueId);

      const moved = await manager.gql<{ moveVillage: { commune: { code: string } } }>(
        `mutation { moveVillage(id: "${villageId}", communeCode: "00004") { commune { code } } }`,
      );
      expect(moved.data?.moveVillage.commune.code).toBe('00004');
      const venuesOfBaDinh = await manager.gql<{ venues: { nodes: { id: string; village: { id: string } }[] } }>(
        `{ venues(communeCode: "00004") { nodes { id village { id } } } }`,
      );
      expect(venuesOfBaDinh.data?.venues.nodes).toEqual([{ id: venueId, village: { id: villageId } }]);

      const other = await manager.gql<{ createVillage: { id: string } }>(createVillage, {
        input: { communeCode: '00004', name: 'Tổ dân phố 5', kind: 'TO_DAN_PHO' },
      });
      const movedVenue = await manager.gql<{ moveVenue: { village: { name: string } } }>(
        `mutation { moveVenue(id: "${venueId}", villageId: "${other.data!.createVillage.id}") { village { name } } }`,
      );
      expect(movedVenue.data?.moveVenue.village.name).toBe('Tổ dân phố 5');
      const renamedVenue = await manager.gql<{ renameVenue: { name: string } }>(
        `mutation { renameVenue(id: "${venueId}", name: "Nhà văn hóa tổ dân phố 5") { name } }`,
      );
      expect(renamedVenue.data?.renameVenue.name).toBe('Nhà văn hóa tổ dân phố 5');
    });

    it('answers GraphQL input errors with BAD_REQUEST and never leaks internals', async () => {
      const result = await manager.gql(createVillage, {
        input: { communeCode: '11953', name: 'Thôn X', kind: 'LANG' },
      });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(result)).not.toMatch(/stack|select |insert /i);
    });
  });
});
