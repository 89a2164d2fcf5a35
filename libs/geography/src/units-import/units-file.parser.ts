import { CommuneKind } from '../entities/commune.entity';
import { ProvinceKind } from '../entities/province.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { cleanName, foldVietnamese } from '../text/fold';

export interface ProvinceRow {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: ProvinceKind;
  searchText: string;
}

export interface CommuneRow {
  code: string;
  provinceCode: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: CommuneKind;
  searchText: string;
}

/** A whole official unit list, checked: every row is ready to be written. */
export interface OfficialUnits {
  provinces: ProvinceRow[];
  communes: CommuneRow[];
}

const provinceKinds: Record<number, ProvinceKind> = { 1: ProvinceKind.CITY, 2: ProvinceKind.PROVINCE };
const communeKinds: Record<number, CommuneKind> = { 3: CommuneKind.PHUONG, 4: CommuneKind.XA, 5: CommuneKind.DAC_KHU };

/** The name columns are varchar(255). */
const MAX_NAME_LENGTH = 255;

type Json = Record<string, unknown>;

function invalid(position: string, reason: string, extra: Record<string, unknown> = {}): GeographyError {
  return new GeographyError(GeographyErrorCode.UNITS_FILE_INVALID, { reason, position, ...extra });
}

function shown(value: unknown): string {
  const text = value === undefined ? 'không có' : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with the failure turned into a reason and a line/column a person can find. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "... in JSON at position 9 (line 2 column 8)"; keep the what, report the where ourselves.
    const where = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
    const what = message
      .replace(/\s*in JSON at position.*$/, '')
      .replace(/^Unexpected end of JSON input$/, 'tệp kết thúc giữa chừng');
    let line: number;
    let column: number;
    if (where?.[2]) {
      line = Number(where[2]);
      column = Number(where[3]);
    } else {
      const offset = where ? Number(where[1]) : text.length;
      const before = text.slice(0, offset).split('\n');
      line = before.length;
      column = before[before.length - 1].length + 1;
    }
    return failSyntax(`JSON không hợp lệ: ${what}`, line, column);
  }
}

function failSyntax(reason: string, line: number, column: number): never {
  throw invalid(`dòng ${line}, cột ${column}`, reason, { line, column });
}

function requireType(unit: Json, at: string, expected: string): void {
  if (unit.Type !== expected) throw invalid(`${at}.Type`, `phải là "${expected}" (đang là ${shown(unit.Type)})`);
}

function requireCode(unit: Json, at: string, digits: number): string {
  const code = unit.Code;
  if (typeof code !== 'string' || !new RegExp(`^[0-9]{${digits}}$`).test(code)) {
    throw invalid(`${at}.Code`, `phải gồm ${digits} chữ số (đang là ${shown(code)})`);
  }
  return code;
}

function requireName(unit: Json, at: string, field: 'Name' | 'FullName' | 'NameEn'): string {
  const value = unit[field];
  if (typeof value !== 'string') throw invalid(`${at}.${field}`, `phải là một chuỗi (đang là ${shown(value)})`);
  const name = cleanName(value);
  if (!name) throw invalid(`${at}.${field}`, 'không được để trống');
  if (name.length > MAX_NAME_LENGTH) throw invalid(`${at}.${field}`, `dài quá ${MAX_NAME_LENGTH} ký tự`);
  return name;
}

function requireKind<K>(unit: Json, at: string, kinds: Record<number, K>, allowed: string): K {
  const id = unit.AdministrativeUnitId;
  const kind = typeof id === 'number' ? kinds[id] : undefined;
  if (kind === undefined)
    throw invalid(`${at}.AdministrativeUnitId`, `không hợp lệ: ${shown(id)} (chỉ nhận ${allowed})`);
  return kind;
}

/**
 * Parses and checks a whole official unit list (the ../shared/data/vn-units format) before
 * anything is written, so a bad file is rejected as a whole. The first problem is thrown as
 * UNITS_FILE_INVALID with a path-like position ("[12].Wards[40].Code") or, for broken JSON,
 * a line and column.
 */
export function parseUnitsDocument(text: string): OfficialUnits {
  const document = parseJson(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(document)) throw invalid('$', 'tệp phải là một mảng JSON các tỉnh/thành phố');
  if (document.length === 0) throw invalid('$', 'tệp không có tỉnh/thành phố nào');

  const provinces: ProvinceRow[] = [];
  const communes: CommuneRow[] = [];
  const provinceAt = new Map<string, string>();
  const communeAt = new Map<string, string>();

  document.forEach((province: unknown, p) => {
    const at = `[${p}]`;
    if (!isObject(province)) throw invalid(at, `phải là một đối tượng tỉnh/thành phố (đang là ${shown(province)})`);
    requireType(province, at, 'province');
    const code = requireCode(province, at, 2);
    const seen = provinceAt.get(code);
    if (seen) throw invalid(`${at}.Code`, `mã tỉnh/thành phố "${code}" bị trùng với ${seen}`);
    provinceAt.set(code, at);
    const name = requireName(province, at, 'Name');
    const fullName = requireName(province, at, 'FullName');
    const nameEn = requireName(province, at, 'NameEn');
    const kind = requireKind(province, at, provinceKinds, '1 = thành phố, 2 = tỉnh');
    provinces.push({ code, name, fullName, nameEn, kind, searchText: foldVietnamese(`${fullName} ${name} ${nameEn}`) });

    const wards = province.Wards;
    if (!Array.isArray(wards)) throw invalid(`${at}.Wards`, `phải là một mảng các xã/phường (đang là ${shown(wards)})`);
    if (wards.length === 0) throw invalid(`${at}.Wards`, 'tỉnh/thành phố không có xã/phường nào');

    wards.forEach((commune: unknown, c) => {
      const cat = `${at}.Wards[${c}]`;
      if (!isObject(commune)) throw invalid(cat, `phải là một đối tượng xã/phường (đang là ${shown(commune)})`);
      requireType(commune, cat, 'ward');
      const communeCode = requireCode(commune, cat, 5);
      const seenCommune = communeAt.get(communeCode);
      if (seenCommune) throw invalid(`${cat}.Code`, `mã xã/phường "${communeCode}" bị trùng với ${seenCommune}`);
      communeAt.set(communeCode, cat);
      if (commune.ProvinceCode !== code) {
        throw invalid(
          `${cat}.ProvinceCode`,
          `là ${shown(commune.ProvinceCode)} nhưng xã/phường nằm trong tỉnh/thành phố mã "${code}"`,
        );
      }
      const communeName = requireName(commune, cat, 'Name');
      const communeFullName = requireName(commune, cat, 'FullName');
      const communeNameEn = requireName(commune, cat, 'NameEn');
      communes.push({
        code: communeCode,
        provinceCode: code,
        name: communeName,
        fullName: communeFullName,
        nameEn: communeNameEn,
        kind: requireKind(commune, cat, communeKinds, '3 = phường, 4 = xã, 5 = đặc khu'),
        searchText: foldVietnamese(`${communeFullName} ${communeName} ${communeNameEn}`),
      });
    });
  });

  return { provinces, communes };
}
