import { Migration } from '@mikro-orm/migrations';

// Vietnamese letters with their marks (both cases) and what they fold to: the SQL twin of
// foldVietnamese() in @hocvuso/geography for the Vietnamese alphabet. Names are stored in NFC,
// so each letter is one precomposed character.
const MARKED =
  'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ';
const BASE =
  'aAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAeEeEeEeEeEeEeEeEeEeEeEiIiIiIiIiIoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOuUuUuUuUuUuUuUuUuUuUuUyYyYyYyYyYdD';

/**
 * Accent- and case-insensitive search over residents' names, and one open consent per purpose.
 * A generated column keeps the folded name right whoever writes the row (service, import, seed)
 * and turns null when the name is erased.
 */
export class Migration20261122030000ResidentSearch extends Migration {
  override up(): void {
    this.addSql(`alter table "resident" add column "search_text" text generated always as
      (btrim(regexp_replace(lower(translate("full_name", '${MARKED}', '${BASE}')), '[^a-z0-9]+', ' ', 'g'))) stored;`);
    // Lists page through one village or commune in name order; erased rows never show in lists.
    this.addSql(
      `create index "resident_village_search_index" on "resident" ("village_id", "search_text", "id") where "erased_at" is null;`,
    );
    // One open consent per purpose: recording the same consent twice (a retry) keeps the first.
    this.addSql(
      `create unique index "consent_open_purpose_unique" on "consent" ("resident_id", "purpose") where "withdrawn_at" is null;`,
    );
  }

  override down(): void {
    this.addSql(`drop index if exists "consent_open_purpose_unique";`);
    this.addSql(`drop index if exists "resident_village_search_index";`);
    this.addSql(`alter table "resident" drop column if exists "search_text";`);
  }
}
