import { Migration } from '@mikro-orm/migrations';

/**
 * Certificates of completed course versions. Course, version and enrollment ids are snapshots
 * without foreign keys: the certificate must outlive edits to the catalog, and it states what
 * was true at completion.
 */
export class Migration20261122050000Certificates extends Migration {
  override up(): void {
    this.addSql(`create table "certificate" (
      "id" uuid not null primary key,
      "code" varchar(10) not null check ("code" ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
      "resident_id" uuid not null references "resident" ("id"),
      "enrollment_id" uuid not null,
      "course_id" uuid not null,
      "course_version_id" uuid not null,
      "course_version_number" int not null check ("course_version_number" >= 1),
      "course_title" varchar(300) not null,
      "issuing_province_code" varchar(2) null,
      "issuing_unit_name" varchar(255) not null,
      "completed_at" timestamptz not null,
      "issued_at" timestamptz not null default now(),
      "revoked_at" timestamptz null,
      "revoked_reason" varchar(500) null,
      "revoked_by" uuid null references "account" ("id"),
      check (("revoked_at" is null) = ("revoked_reason" is null)));`);
    this.addSql(`create unique index "certificate_code_unique" on "certificate" ("code");`);
    // One certificate per resident and course version: the issue job inserts with
    // "on conflict do nothing", so a repeated or duplicated job changes nothing.
    this.addSql(
      `create unique index "certificate_resident_course_version_unique" on "certificate" ("resident_id", "course_version_id");`,
    );
    // A resident's own list, newest first.
    this.addSql(
      `create index "certificate_resident_issued_index" on "certificate" ("resident_id", "issued_at" desc, "id" desc);`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "certificate";`);
  }
}
