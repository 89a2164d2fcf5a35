import { Migration } from '@mikro-orm/migrations';

/**
 * A province dashboard at national scale read ~150,000 village-day rows, ~140,000 session-village
 * rows and ~175,000 resident-day rows per figure (bench:reach: p50 1.7 s). Rollups one step up
 * make its reads proportional to communes and people instead of to days × villages:
 *
 * - reach_commune_day: village-day sums added up per commune, and the classes held that day
 *   (a class has one day, so a period's distinct classes are the sum of its days');
 * - reach_province_day: the classes held in the province each day;
 * - reach_resident_reach: one row per person reached, with the local days they were reached on as
 *   a multirange, so "reached in the period" is one overlap test per person (`&&`);
 * - reach_village_coverage: one row per village, with the days it had a class (a multirange) and
 *   whether a team covers it, so coverage is one index-only scan of the unit's villages.
 *
 * The tables start empty: the migration clears the refresh state, so the next refresh (scheduled,
 * or requested) is a full rebuild that fills them.
 */
export class Migration20261202100000ReachCommuneRollups extends Migration {
  override up(): void {
    this.addSql(`create table "reach_commune_day" (
      "day" date not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "live_person_times" int not null,
      "venue_headcount" int not null,
      "completions" int not null,
      "classes_held" int not null,
      constraint "reach_commune_day_pkey" primary key ("commune_code", "day"));`);
    this.addSql(
      `create index "reach_commune_day_province_index" on "reach_commune_day" ("province_code", "day")
         include ("commune_code", "live_person_times", "venue_headcount", "completions", "classes_held");`,
    );
    this.addSql(`create index "reach_commune_day_day_index" on "reach_commune_day" ("day");`);

    // A class has one day, so the distinct classes of a period are the sum of each day's.
    this.addSql(`create table "reach_province_day" (
      "day" date not null,
      "province_code" varchar(2) not null,
      "classes_held" int not null,
      constraint "reach_province_day_pkey" primary key ("province_code", "day"));`);
    this.addSql(`create index "reach_province_day_day_index" on "reach_province_day" ("day");`);

    this.addSql(`create table "reach_resident_reach" (
      "resident_id" uuid not null,
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "days" datemultirange not null,
      constraint "reach_resident_reach_pkey" primary key ("resident_id"));`);
    for (const [name, keys] of [
      ['province', '"province_code", "commune_code"'],
      ['commune', '"commune_code", "village_id"'],
      ['village', '"village_id"'],
    ]) {
      this.addSql(
        `create index "reach_resident_reach_${name}_index" on "reach_resident_reach" (${keys}) include ("days");`,
      );
    }

    this.addSql(`create table "reach_village_coverage" (
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "has_team" boolean not null,
      "class_days" datemultirange not null default '{}',
      constraint "reach_village_coverage_pkey" primary key ("village_id"));`);
    for (const [name, keys] of [
      ['province', '"province_code", "commune_code"'],
      ['commune', '"commune_code", "village_id"'],
    ]) {
      this.addSql(
        `create index "reach_village_coverage_${name}_index" on "reach_village_coverage" (${keys})
           include ("has_team", "class_days");`,
      );
    }

    // Targets were filtered by province with a scan of every target row; the index now answers alone.
    this.addSql(
      `create index "reach_target_province_index" on "reach_target" ("province_code", "commune_code", "village_id", "due_on")
         include ("adult_population", "target_percent");`,
    );
    this.addSql(`delete from "reach_refresh";`);
  }

  override down(): void {
    this.addSql(`drop index "reach_target_province_index";`);
    for (const table of ['reach_village_coverage', 'reach_resident_reach', 'reach_province_day', 'reach_commune_day']) {
      this.addSql(`drop table "${table}";`);
    }
  }
}
