import { cleanName, foldVietnamese } from '@hocvuso/geography';
import { citizenIdMatchesBirthYear, normalizeCitizenId, normalizePhone } from '@hocvuso/identity';
import { type ConsentMethod, ConsentPurpose, type Gender } from './entities';
import { ResidentsError, ResidentsErrorCode } from './residents.errors';

export const FULL_NAME_MIN_LENGTH = 2;
export const FULL_NAME_MAX_LENGTH = 100;
export const MIN_BIRTH_YEAR = 1900;
export const CONSENT_EVIDENCE_MAX_LENGTH = 255;

/** Letters, combining marks, spaces and the punctuation of names ("H'Hen Niê", "Nguyễn-Lê"). */
const NAME_CHARACTERS = /^[\p{L}\p{M} '’.-]+$/u;

export type ResidentField = 'fullName' | 'birthYear' | 'gender' | 'phone' | 'citizenId' | 'consentEvidence';

export type Checked<T> = { ok: true; value: T } | { ok: false; code: ResidentsErrorCode; field: ResidentField };

export interface RawResidentFields {
  fullName: string;
  birthYear: number;
  gender?: Gender | null;
  phone?: string | null;
  citizenId?: string | null;
}

/** A resident's fields as stored: NFC name, normalised phone and citizen id (or null). */
export interface ResidentFields {
  fullName: string;
  birthYear: number;
  gender: Gender | null;
  phone: string | null;
  citizenId: string | null;
}

export function checkFullName(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const name = cleanName(raw);
  const length = [...name].length;
  if (length < FULL_NAME_MIN_LENGTH || length > FULL_NAME_MAX_LENGTH) return null;
  // Digits are refused: a phone or id number typed into the name would otherwise be stored in clear.
  if (!NAME_CHARACTERS.test(name) || !/\p{L}/u.test(name)) return null;
  return name;
}

export function checkBirthYear(year: number, now: Date): boolean {
  return Number.isInteger(year) && year >= MIN_BIRTH_YEAR && year <= now.getFullYear();
}

/** Optional values: null, undefined and blank text all mean "not given". */
function given(raw: string | null | undefined): raw is string {
  return typeof raw === 'string' && raw.trim() !== '';
}

/** The first broken rule, checked in the order of the form; the value when everything holds. */
export function checkResidentFields(raw: RawResidentFields, now: Date): Checked<ResidentFields> {
  const fullName = checkFullName(raw.fullName);
  if (fullName === null) return { ok: false, code: ResidentsErrorCode.INVALID_FULL_NAME, field: 'fullName' };
  if (!checkBirthYear(raw.birthYear, now))
    return { ok: false, code: ResidentsErrorCode.INVALID_BIRTH_YEAR, field: 'birthYear' };
  let phone: string | null = null;
  if (given(raw.phone)) {
    phone = normalizePhone(raw.phone);
    if (phone === null) return { ok: false, code: ResidentsErrorCode.INVALID_PHONE, field: 'phone' };
  }
  let citizenId: string | null = null;
  if (given(raw.citizenId)) {
    citizenId = normalizeCitizenId(raw.citizenId);
    if (citizenId === null) return { ok: false, code: ResidentsErrorCode.INVALID_CITIZEN_ID, field: 'citizenId' };
    if (!citizenIdMatchesBirthYear(citizenId, raw.birthYear)) {
      return { ok: false, code: ResidentsErrorCode.CITIZEN_ID_BIRTH_YEAR_MISMATCH, field: 'citizenId' };
    }
  }
  return { ok: true, value: { fullName, birthYear: raw.birthYear, gender: raw.gender ?? null, phone, citizenId } };
}

/** Distinct purposes, at least one: a resident is never recorded without consent. */
export function checkConsentPurposes(purposes: readonly ConsentPurpose[] | null | undefined): ConsentPurpose[] | null {
  const distinct = [...new Set(purposes ?? [])].filter((purpose) => Object.values(ConsentPurpose).includes(purpose));
  return distinct.length > 0 ? distinct.sort() : null;
}

/** Free text such as the number of a signed paper form; blank means none. */
export function checkConsentEvidence(raw: string | null | undefined): Checked<string | null> {
  if (!given(raw)) return { ok: true, value: null };
  const evidence = cleanName(raw);
  if ([...evidence].length > CONSENT_EVIDENCE_MAX_LENGTH) {
    return { ok: false, code: ResidentsErrorCode.INVALID_CONSENT_EVIDENCE, field: 'consentEvidence' };
  }
  return { ok: true, value: evidence };
}

/**
 * What tells a resident without phone or citizen id apart, for retry-safe creates and imports:
 * village, folded name and birth year. Two namesakes born the same year in one village need a
 * phone or citizen id to be told apart.
 */
export function namesakeKey(villageId: string, fullName: string, birthYear: number): string {
  return `${villageId}\u0000${foldVietnamese(fullName)}\u0000${birthYear}`;
}

export interface ConsentInput {
  purposes: ConsentPurpose[];
  method: ConsentMethod;
  evidence?: string | null;
}

export interface ValidConsent {
  purposes: ConsentPurpose[];
  method: ConsentMethod;
  evidence: string | null;
}

export function valid<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new ResidentsError(checked.code, { field: checked.field });
  return checked.value;
}

export function validConsent(input: ConsentInput | null | undefined): ValidConsent {
  const purposes = checkConsentPurposes(input?.purposes);
  if (!input || purposes === null) throw new ResidentsError(ResidentsErrorCode.CONSENT_REQUIRED);
  return { purposes, method: input.method, evidence: valid(checkConsentEvidence(input.evidence)) };
}
