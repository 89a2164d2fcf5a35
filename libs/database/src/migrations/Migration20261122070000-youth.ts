import { Migration } from '@mikro-orm/migrations';

/**
 * The youth union (provincial union → commune union → village branch), volunteer teams with
 * their members and villages, volunteer IT students assigned to communes, support visits and
 * reach targets. Rows carry their province and commune codes so scope checks and the reach
 * rollups filter and group without joining through geography.
 */
export class Migration20261122070000Youth extends Migration {
  override up(): void {
    this.addSql(`create type "youth_unit_level" as enum ('PROVINCE', 'COMMUNE', 'BRANCH');`);
    this.addSql(
      `create type "support_task" as enum ('VNEID_ACTIVATION', 'PUBLIC_SERVICE_APPLICATION', 'DIGITAL_SIGNATURE', 'APP_INSTALL', 'SCAM_AWARENESS', 'OTHER');`,
    );
    this.addSql(`create type "support_place" as enum ('DOOR_TO_DOOR', 'PUBLIC_SERVICE_CENTRE', 'VENUE');`);

    this.addSql(`create table "youth_unit" (
      "id" uuid not null primary key,
      "level" "youth_unit_level" not null,
      "parent_id" uuid null references "youth_unit" ("id"),
      "province_code" varchar(2) not null references "province" ("code"),
      "commune_code" varchar(5) null references "commune" ("code"),
      "village_id" uuid null references "village" ("id"),
      "name" varchar(255) not null,
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      check (("level" = 'PROVINCE' and "parent_id" is null and "commune_code" is null and "village_id" is null)
          or ("level" = 'COMMUNE' and "parent_id" is not null and "commune_code" is not null and "village_id" is null)
          or ("level" = 'BRANCH' and "parent_id" is not null and "commune_code" is not null and "village_id" is not null)));`);
    // One union per province, per commune and one branch per village: "ensure" calls race safely.
    this.addSql(
      `create unique index "youth_unit_province_unique" on "youth_unit" ("province_code") where "level" = 'PROVINCE';`,
    );
    this.addSql(
      `create unique index "youth_unit_commune_unique" on "youth_unit" ("commune_code") where "level" = 'COMMUNE';`,
    );
    this.addSql(
      `create unique index "youth_unit_branch_unique" on "youth_unit" ("village_id") where "level" = 'BRANCH';`,
    );
    this.addSql(`create index "youth_unit_parent_id_index" on "youth_unit" ("parent_id");`);

    this.addSql(`create table "team" (
      "id" uuid not null primary key,
      "youth_unit_id" uuid not null references "youth_unit" ("id"),
      "province_code" varchar(2) not null references "province" ("code"),
      "commune_code" varchar(5) not null references "commune" ("code"),
      "name" varchar(120) not null,
      "name_key" varchar(120) not null,
      "leader_account_id" uuid null references "account" ("id"),
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    // Names are unique per commune once folded: "Đội 1" typed twice is one team.
    this.addSql(`create unique index "team_commune_name_unique" on "team" ("commune_code", "name_key");`);
    this.addSql(`create index "team_leader_account_id_index" on "team" ("leader_account_id");`);
    this.addSql(`create index "team_youth_unit_id_index" on "team" ("youth_unit_id");`);

    // Membership keeps its history (joined/left) so per-member figures can be taken over any period.
    this.addSql(`create table "team_member" (
      "id" uuid not null primary key,
      "team_id" uuid not null references "team" ("id"),
      "account_id" uuid not null references "account" ("id"),
      "joined_on" date not null,
      "left_on" date null,
      "added_by" uuid null,
      "created_at" timestamptz not null default now(),
      check ("left_on" is null or "left_on" >= "joined_on"));`);
    this.addSql(
      `create unique index "team_member_active_unique" on "team_member" ("team_id", "account_id") where "left_on" is null;`,
    );
    this.addSql(`create index "team_member_account_id_index" on "team_member" ("account_id");`);

    this.addSql(`create table "team_village" (
      "team_id" uuid not null references "team" ("id"),
      "village_id" uuid not null references "village" ("id"),
      "added_by" uuid null,
      "created_at" timestamptz not null default now(),
      primary key ("team_id", "village_id"));`);
    this.addSql(`create index "team_village_village_id_index" on "team_village" ("village_id");`);

    this.addSql(`create table "volunteer_assignment" (
      "id" uuid not null primary key,
      "account_id" uuid not null references "account" ("id"),
      "province_code" varchar(2) not null references "province" ("code"),
      "commune_code" varchar(5) not null references "commune" ("code"),
      "university" varchar(200) not null,
      "starts_on" date not null,
      "ends_on" date not null,
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      check ("ends_on" >= "starts_on"));`);
    this.addSql(
      `create unique index "volunteer_assignment_unique" on "volunteer_assignment" ("account_id", "commune_code", "starts_on");`,
    );
    this.addSql(
      `create index "volunteer_assignment_commune_index" on "volunteer_assignment" ("commune_code", "starts_on");`,
    );

    // The id is the client's (offline capture); content_hash tells a retry from a reused id.
    this.addSql(`create table "support_visit" (
      "id" uuid not null primary key,
      "volunteer_account_id" uuid not null references "account" ("id"),
      "team_id" uuid null references "team" ("id"),
      "resident_id" uuid null references "resident" ("id"),
      "province_code" varchar(2) not null references "province" ("code"),
      "commune_code" varchar(5) not null references "commune" ("code"),
      "village_id" uuid not null references "village" ("id"),
      "task" "support_task" not null,
      "note" varchar(500) null,
      "place" "support_place" not null,
      "venue_id" uuid null references "venue" ("id"),
      "occurred_at" timestamptz not null,
      "minutes" int not null check ("minutes" between 1 and 480),
      "content_hash" varchar(64) not null,
      "synced_at" timestamptz not null default now(),
      check (("place" = 'VENUE') = ("venue_id" is not null)),
      check ("task" <> 'OTHER' or "note" is not null));`);
    this.addSql(`create index "support_visit_village_index" on "support_visit" ("village_id", "occurred_at");`);
    this.addSql(`create index "support_visit_commune_index" on "support_visit" ("commune_code", "occurred_at");`);
    this.addSql(`create index "support_visit_team_index" on "support_visit" ("team_id", "occurred_at");`);
    this.addSql(
      `create index "support_visit_volunteer_index" on "support_visit" ("volunteer_account_id", "occurred_at");`,
    );
    this.addSql(`create index "support_visit_resident_id_index" on "support_visit" ("resident_id");`);

    // A unit's target: the commune (village_id null) or one village, per due date.
    this.addSql(`create table "reach_target" (
      "id" uuid not null primary key,
      "province_code" varchar(2) not null references "province" ("code"),
      "commune_code" varchar(5) not null references "commune" ("code"),
      "village_id" uuid null references "village" ("id"),
      "adult_population" int not null check ("adult_population" between 0 and 10000000),
      "target_percent" smallint not null check ("target_percent" between 1 and 100),
      "due_on" date not null,
      "updated_by" uuid null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(
      `create unique index "reach_target_unit_due_unique" on "reach_target" ("commune_code", "village_id", "due_on") nulls not distinct;`,
    );
  }

  override down(): void {
    for (const table of [
      'reach_target',
      'support_visit',
      'volunteer_assignment',
      'team_village',
      'team_member',
      'team',
      'youth_unit',
    ]) {
      this.addSql(`drop table if exists "${table}";`);
    }
    for (const type of ['support_place', 'support_task', 'youth_unit_level']) {
      this.addSql(`drop type if exists "${type}";`);
    }
  }
}
