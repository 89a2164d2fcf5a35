import { Migration } from '@mikro-orm/migrations';

/** Provinces and communes (official codes as keys), villages and venues (entered locally). */
export class Migration20261122000000Geography extends Migration {
  override up(): void {
    this.addSql(`create type "province_kind" as enum ('CITY', 'PROVINCE');`);
    this.addSql(`create type "commune_kind" as enum ('XA', 'PHUONG', 'DAC_KHU');`);
    this.addSql(`create type "village_kind" as enum ('THON', 'TO_DAN_PHO', 'AP', 'BAN');`);

    this.addSql(`create table "province" (
      "code" varchar(2) not null primary key check ("code" ~ '^[0-9]{2}$'),
      "name" varchar(255) not null, "full_name" varchar(255) not null, "name_en" varchar(255) not null,
      "kind" "province_kind" not null, "search_text" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);

    this.addSql(`create table "commune" (
      "code" varchar(5) not null primary key check ("code" ~ '^[0-9]{5}$'),
      "province_code" varchar(2) not null references "province" ("code"),
      "name" varchar(255) not null, "full_name" varchar(255) not null, "name_en" varchar(255) not null,
      "kind" "commune_kind" not null, "search_text" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "commune_province_code_index" on "commune" ("province_code");`);

    this.addSql(`create table "village" (
      "id" uuid not null primary key,
      "commune_code" varchar(5) not null references "commune" ("code"),
      "name" varchar(255) not null, "kind" "village_kind" not null, "search_text" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      constraint "village_commune_search_text_unique" unique ("commune_code", "search_text"));`);
    this.addSql(`create index "village_commune_code_index" on "village" ("commune_code");`);

    this.addSql(`create table "venue" (
      "id" uuid not null primary key,
      "village_id" uuid not null references "village" ("id"),
      "name" varchar(255) not null, "capacity" int null check ("capacity" is null or "capacity" >= 0),
      "search_text" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      constraint "venue_village_search_text_unique" unique ("village_id", "search_text"));`);
    this.addSql(`create index "venue_village_id_index" on "venue" ("village_id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "venue";`);
    this.addSql(`drop table if exists "village";`);
    this.addSql(`drop table if exists "commune";`);
    this.addSql(`drop table if exists "province";`);
    this.addSql(`drop type if exists "village_kind";`);
    this.addSql(`drop type if exists "commune_kind";`);
    this.addSql(`drop type if exists "province_kind";`);
  }
}
