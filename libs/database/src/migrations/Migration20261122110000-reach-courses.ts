import { Migration } from '@mikro-orm/migrations';

/**
 * The course dimension of the reach rollups: a class belongs to the course its live session
 * teaches (live_session.course_id), a completion to its enrollment's course. Classes held gain a
 * course column on reach_session_village; the summable figures and the unique-people sets get
 * their own per-course tables, so the programme-wide tables (and their dashboards) are unchanged.
 * Every index starts with the unit's column, then the course, then the day: a province or commune
 * dashboard for one course reads one slice of one index, and the list of a unit's courses reads
 * the unit's slice of the same index. The distinct-count indexes end with the counted id
 * (session, resident) so they are read index-only. Course ids carry no foreign key, as on
 * live_session: a session outlives catalog edits.
 */
export class Migration20261122110000ReachCourses extends Migration {
  override up(): void {
    this.addSql(`alter table "reach_session_village" add column "course_id" uuid null;`);
    this.addSql(
      `update "reach_session_village" r set "course_id" = s."course_id" from "live_session" s where s."id" = r."session_id";`,
    );
    for (const unit of ['province_code', 'commune_code', 'village_id']) {
      const name = unit.replace(/_(code|id)$/, '');
      this.addSql(
        `create index "reach_session_village_course_${name}_index" on "reach_session_village" ("${unit}", "course_id", "day", "session_id") where "course_id" is not null;`,
      );
    }

    this.addSql(`create table "reach_course_village_day" (
      "course_id" uuid not null,
      "day" date not null,
      "village_id" uuid not null references "village" ("id") on delete cascade,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "live_person_times" int not null default 0,
      "venue_headcount" int not null default 0,
      "completions" int not null default 0,
      primary key ("village_id", "course_id", "day"));`);
    this.addSql(
      `create index "reach_course_village_day_commune_index" on "reach_course_village_day" ("commune_code", "course_id", "day");`,
    );
    this.addSql(
      `create index "reach_course_village_day_province_index" on "reach_course_village_day" ("province_code", "course_id", "day");`,
    );
    this.addSql(`create index "reach_course_village_day_day_index" on "reach_course_village_day" ("day");`);

    this.addSql(`create table "reach_course_resident_day" (
      "course_id" uuid not null,
      "resident_id" uuid not null references "resident" ("id") on delete cascade,
      "day" date not null,
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      primary key ("resident_id", "course_id", "day"));`);
    // The key leads with the resident for the cascade when a resident row is deleted.
    for (const unit of ['province_code', 'commune_code', 'village_id']) {
      const name = unit.replace(/_(code|id)$/, '');
      this.addSql(
        `create index "reach_course_resident_day_${name}_index" on "reach_course_resident_day" ("${unit}", "course_id", "day", "resident_id");`,
      );
    }
    this.addSql(`create index "reach_course_resident_day_day_index" on "reach_course_resident_day" ("day");`);

    // The new tables are empty: forgetting the last refresh makes the next one (scheduled or
    // asked for) a full rebuild, which fills them.
    this.addSql(`delete from "reach_refresh";`);
  }

  override down(): void {
    this.addSql(`drop table if exists "reach_course_resident_day";`);
    this.addSql(`drop table if exists "reach_course_village_day";`);
    for (const name of ['province', 'commune', 'village']) {
      this.addSql(`drop index if exists "reach_session_village_course_${name}_index";`);
    }
    this.addSql(`alter table "reach_session_village" drop column if exists "course_id";`);
  }
}
