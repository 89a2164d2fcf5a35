import { Migration } from '@mikro-orm/migrations';

/**
 * Reach statistics rollups, maintained by the worker from the raw rows (live attendance and
 * check-ins, course completions, support visits). Additive figures are kept per village and
 * local day; figures that cannot be summed across days or units (classes held, unique people,
 * residents confirmed) are kept as sets (session × village, resident × day, resident) that a
 * query counts distinct over any range. Every row carries its commune and province codes so a
 * dashboard filters on one indexed column without joining through geography.
 */
export class Migration20261122090000Statistics extends Migration {
  override up(): void {
    this.addSql(`create table "reach_village_day" (
      "day" date not null,
      "village_id" uuid not null references "village" ("id") on delete cascade,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "live_person_times" int not null default 0,
      "venue_headcount" int not null default 0,
      "completions" int not null default 0,
      primary key ("village_id", "day"));`);
    this.addSql(`create index "reach_village_day_commune_index" on "reach_village_day" ("commune_code", "day");`);
    this.addSql(`create index "reach_village_day_province_index" on "reach_village_day" ("province_code", "day");`);
    this.addSql(`create index "reach_village_day_day_index" on "reach_village_day" ("day");`);

    // Visits by task, per village and team (null: recorded outside any team).
    this.addSql(`create table "reach_visit_day" (
      "day" date not null,
      "village_id" uuid not null references "village" ("id") on delete cascade,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "team_id" uuid null references "team" ("id") on delete cascade,
      "task" "support_task" not null,
      "visits" int not null,
      constraint "reach_visit_day_unique" unique nulls not distinct ("village_id", "day", "team_id", "task"));`);
    this.addSql(`create index "reach_visit_day_commune_index" on "reach_visit_day" ("commune_code", "day");`);
    this.addSql(`create index "reach_visit_day_province_index" on "reach_visit_day" ("province_code", "day");`);
    this.addSql(`create index "reach_visit_day_team_index" on "reach_visit_day" ("team_id", "day");`);
    this.addSql(`create index "reach_visit_day_day_index" on "reach_visit_day" ("day");`);

    // An ENDED session is a class held in each village it was attended from, on its local day.
    this.addSql(`create table "reach_session_village" (
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "village_id" uuid not null references "village" ("id") on delete cascade,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "day" date not null,
      primary key ("session_id", "village_id"));`);
    this.addSql(
      `create index "reach_session_village_commune_index" on "reach_session_village" ("commune_code", "day");`,
    );
    this.addSql(
      `create index "reach_session_village_province_index" on "reach_session_village" ("province_code", "day");`,
    );
    this.addSql(`create index "reach_session_village_village_index" on "reach_session_village" ("village_id", "day");`);
    this.addSql(`create index "reach_session_village_day_index" on "reach_session_village" ("day");`);

    // Who was reached on which day, under the resident's home village. The indexes end with the
    // resident id so a distinct count over a unit and range reads the index only.
    this.addSql(`create table "reach_resident_day" (
      "resident_id" uuid not null references "resident" ("id") on delete cascade,
      "day" date not null,
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      primary key ("resident_id", "day"));`);
    this.addSql(
      `create index "reach_resident_day_province_index" on "reach_resident_day" ("province_code", "day", "resident_id");`,
    );
    this.addSql(
      `create index "reach_resident_day_commune_index" on "reach_resident_day" ("commune_code", "day", "resident_id");`,
    );
    this.addSql(
      `create index "reach_resident_day_village_index" on "reach_resident_day" ("village_id", "day", "resident_id");`,
    );
    this.addSql(`create index "reach_resident_day_day_index" on "reach_resident_day" ("day");`);

    // Residents who completed every course of the basic programme, and the day the last one was done.
    this.addSql(`create table "reach_confirmed" (
      "resident_id" uuid not null primary key references "resident" ("id") on delete cascade,
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "confirmed_on" date not null);`);
    this.addSql(`create index "reach_confirmed_commune_index" on "reach_confirmed" ("commune_code", "confirmed_on");`);
    this.addSql(
      `create index "reach_confirmed_province_index" on "reach_confirmed" ("province_code", "confirmed_on");`,
    );
    this.addSql(`create index "reach_confirmed_village_index" on "reach_confirmed" ("village_id", "confirmed_on");`);

    // One row: when the rollups were last refreshed (what figures report as asOf) and from which
    // instant the next incremental refresh looks for changed raw rows.
    this.addSql(`create table "reach_refresh" (
      "id" smallint not null primary key default 1 check ("id" = 1),
      "refreshed_at" timestamptz not null,
      "changes_since" timestamptz not null,
      "full_refreshed_at" timestamptz null,
      "days_refreshed" int not null default 0);`);

    // What the refresh looks for: rows changed since the last one, found by an index each.
    this.addSql(`create index "live_attendance_last_seen_index" on "live_attendance" ("last_seen_at");`);
    this.addSql(`create index "live_check_in_checked_in_at_index" on "live_check_in" ("checked_in_at");`);
    this.addSql(`create index "live_session_updated_at_index" on "live_session" ("updated_at");`);
    this.addSql(`create index "support_visit_synced_at_index" on "support_visit" ("synced_at");`);
    this.addSql(
      `create index "enrollment_completed_at_index" on "enrollment" ("completed_at") where "completed_at" is not null;`,
    );
    this.addSql(
      `create index "live_attendance_resident_index" on "live_attendance" ("resident_id") where "resident_id" is not null;`,
    );
  }

  override down(): void {
    for (const index of [
      'live_attendance_resident_index',
      'enrollment_completed_at_index',
      'support_visit_synced_at_index',
      'live_session_updated_at_index',
      'live_check_in_checked_in_at_index',
      'live_attendance_last_seen_index',
    ]) {
      this.addSql(`drop index if exists "${index}";`);
    }
    for (const table of [
      'reach_refresh',
      'reach_confirmed',
      'reach_resident_day',
      'reach_session_village',
      'reach_visit_day',
      'reach_village_day',
    ]) {
      this.addSql(`drop table if exists "${table}";`);
    }
  }
}
