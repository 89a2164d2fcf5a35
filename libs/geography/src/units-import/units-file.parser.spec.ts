import { CommuneKind } from '../entities/commune.entity';
import { ProvinceKind } from '../entities/province.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { parseUnitsDocument } from './units-file.parser';

type Unit = Record<string, unknown>;

function commune(code: string, provinceCode: string, overrides: Unit = {}): Unit {
  return {
    Type: 'ward',
    Code: code,
    Name: 'Phố Hiến',
    NameEn: 'Pho Hien',
    FullName: 'Phường Phố Hiến',
    ProvinceCode: provinceCode,
    AdministrativeUnitId: 3,
    ...overrides,
  };
}

function province(code: string, wards: Unit[], overrides: Unit = {}): Unit {
  return {
    Type: 'province',
    Code: code,
    Name: 'Hưng Yên',
    NameEn: 'Hung Yen',
    FullName: 'Tỉnh Hưng Yên',
    AdministrativeUnitId: 2,
    Wards: wards,
    ...overrides,
  };
}

const valid = (): Unit[] => [
  province('01', [commune('00004', '01'), commune('00008', '01', { AdministrativeUnitId: 4 })], {
    AdministrativeUnitId: 1,
  }),
  province('33', [commune('11953', '33'), commune('12619', '33', { AdministrativeUnitId: 5 })]),
];

function rejection(document: unknown): Record<string, unknown> {
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 1);
  try {
    parseUnitsDocument(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GeographyError);
    expect((error as GeographyError).code).toBe(GeographyErrorCode.UNITS_FILE_INVALID);
    return (error as GeographyError).details;
  }
  throw new Error('the document was accepted');
}

describe('parseUnitsDocument', () => {
  it('maps kinds and builds the folded search text from full name, name and English name', () => {
    const { provinces, communes } = parseUnitsDocument(JSON.stringify(valid()));
    expect(provinces.map((p) => [p.code, p.kind])).toEqual([
      ['01', ProvinceKind.CITY],
      ['33', ProvinceKind.PROVINCE],
    ]);
    expect(communes.map((c) => [c.code, c.provinceCode, c.kind])).toEqual([
      ['00004', '01', CommuneKind.PHUONG],
      ['00008', '01', CommuneKind.XA],
      ['11953', '33', CommuneKind.PHUONG],
      ['12619', '33', CommuneKind.DAC_KHU],
    ]);
    expect(provinces[1].searchText).toBe('tinh hung yen hung yen hung yen');
    expect(communes[2].searchText).toBe('phuong pho hien pho hien pho hien');
  });

  it('stores names trimmed, with inner spaces collapsed, in NFC', () => {
    const document = valid();
    (document[0].Wards as Unit[])[0].Name = '  Ba   Đi\u0300nh ';
    const { communes } = parseUnitsDocument(JSON.stringify(document));
    expect(communes[0].name).toBe('Ba Đình');
    expect(communes[0].name).toBe(communes[0].name.normalize('NFC'));
  });

  it('accepts a leading byte order mark', () => {
    expect(parseUnitsDocument(`\uFEFF${JSON.stringify(valid())}`).provinces).toHaveLength(2);
  });

  it('gives line and column for broken JSON', () => {
    const details = rejection('[\n {"Code": "01",\n  "Name": "Hà Nội" "NameEn": "Hanoi"}\n]');
    expect(details).toMatchObject({ line: 3, column: 20, position: 'dòng 3, cột 20' });
    expect(details.reason).toMatch(/^JSON không hợp lệ: /);
  });

  it('reports a file cut short at its end', () => {
    const text = '[\n {"Code": "01"';
    const details = rejection(text);
    expect(details).toMatchObject({ line: 2, column: 15 });
  });

  it('rejects a document that is not a non-empty array', () => {
    expect(rejection({ provinces: [] })).toMatchObject({ position: '$' });
    expect(rejection([])).toMatchObject({ position: '$', reason: 'tệp không có tỉnh/thành phố nào' });
  });

  it.each<[string, (d: Unit[]) => void, string, RegExp]>([
    [
      'a 4-digit commune code',
      (d) => ((d[1].Wards as Unit[])[1].Code = '1261'),
      '[1].Wards[1].Code',
      /phải gồm 5 chữ số/,
    ],
    ['a numeric province code', (d) => (d[1].Code = 33), '[1].Code', /phải gồm 2 chữ số/],
    ['a wrong province Type', (d) => (d[1].Type = 'ward'), '[1].Type', /phải là "province"/],
    [
      'a wrong commune Type',
      (d) => ((d[0].Wards as Unit[])[1].Type = 'province'),
      '[0].Wards[1].Type',
      /phải là "ward"/,
    ],
    ['an empty name', (d) => ((d[1].Wards as Unit[])[0].Name = '   '), '[1].Wards[0].Name', /không được để trống/],
    ['a missing English name', (d) => delete d[0].NameEn, '[0].NameEn', /phải là một chuỗi/],
    [
      'an unknown province unit id',
      (d) => (d[0].AdministrativeUnitId = 3),
      '[0].AdministrativeUnitId',
      /không hợp lệ: 3/,
    ],
    [
      'an unknown commune unit id',
      (d) => ((d[1].Wards as Unit[])[1].AdministrativeUnitId = 6),
      '[1].Wards[1].AdministrativeUnitId',
      /không hợp lệ: 6/,
    ],
    ['a duplicate province code', (d) => (d[1].Code = '01'), '[1].Code', /bị trùng với \[0\]/],
    [
      'a commune code used in another province',
      (d) => ((d[1].Wards as Unit[])[1].Code = '00008'),
      '[1].Wards[1].Code',
      /bị trùng với \[0\]\.Wards\[1\]/,
    ],
    [
      'a commune of another province',
      (d) => ((d[1].Wards as Unit[])[0].ProvinceCode = '01'),
      '[1].Wards[0].ProvinceCode',
      /tỉnh\/thành phố mã "33"/,
    ],
    ['a province without communes', (d) => (d[0].Wards = []), '[0].Wards', /không có xã\/phường nào/],
    ['communes that are not a list', (d) => (d[0].Wards = {}), '[0].Wards', /phải là một mảng/],
  ])('rejects %s with its position', (_case, mutate, position, reason) => {
    const document = valid();
    mutate(document);
    const details = rejection(document);
    expect(details.position).toBe(position);
    expect(details.reason).toMatch(reason);
  });
});
