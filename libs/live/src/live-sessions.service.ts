import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type AccountActor,
  type Actor,
  can,
  Permission,
  requireAccount,
  type Scope,
  ScopeKind,
  scopesWith,
} from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { GeographyError, GeographyErrorCode } from '@hocvuso/geography/geography.errors';
import { foldVietnamese } from '@hocvuso/geography/text/fold';
import { normalizePhone, PiiVault } from '@hocvuso/identity';
import type { ParticipantKind, PollResults } from '@hocvuso/live-client/protocol';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { LivePollKind, LiveSessionStatus } from './entities';
import { LiveError, LiveErrorCode } from './live.errors';
import { LiveScheduler } from './live-scheduler';
import {
  isUuid,
  newJoinCode,
  normalizeJoinCode,
  type Targets,
  validGuestName,
  validHeadcount,
  validSchedule,
  validStreamUrl,
  validTargets,
  validTitle,
  validTrainerIds,
} from './live-session-rules';
import { LiveState } from './live-state';
import { ParticipantTokenSigner } from './participant-token';

export interface LiveSessionView {
  id: string;
  title: string;
  courseId: string | null;
  lessonId: string | null;
  scheduledStart: Date;
  scheduledEnd: Date;
  streamUrl: string;
  targetProvinceCodes: string[];
  targetCommuneCodes: string[];
  joinCode: string;
  status: LiveSessionStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  trainerAccountIds: string[];
}

export interface CreateLiveSessionInput {
  /**
   * A UUID the client generates, so that a retried request finds the session it made: the same
   * id with the same content answers the stored session, with other content LIVE_SESSION_ID_CONFLICT.
   */
  id?: string | null;
  title: string;
  courseId?: string | null;
  lessonId?: string | null;
  scheduledStart: Date;
  scheduledEnd: Date;
  streamUrl: string;
  targetProvinceCodes?: string[] | null;
  targetCommuneCodes?: string[] | null;
  /** default: the caller */
  trainerAccountIds?: string[] | null;
}

export interface RescheduleLiveSessionInput {
  id: string;
  title?: string | null;
  scheduledStart?: Date | null;
  scheduledEnd?: Date | null;
  streamUrl?: string | null;
}

export type JoinAs = ParticipantKind;

export interface JoinLiveSessionInput {
  /** exactly one of sessionId and joinCode */
  sessionId?: string | null;
  joinCode?: string | null;
  as: JoinAs;
  /** GUEST: the name others see */
  guestName?: string | null;
  /** GUEST: where they are */
  villageId?: string | null;
  /** VENUE: which venue the screen is */
  venueId?: string | null;
  /** VENUE: people in the room now (optional) */
  headcount?: number | null;
}

export interface LiveTicket {
  sessionId: string;
  participantId: string;
  kind: ParticipantKind;
  token: string;
  expiresAt: Date;
  gatewayUrl: string;
}

export interface CheckInInput {
  sessionId: string;
  venueId: string;
  fullName?: string | null;
  birthYear?: number | null;
  phone?: string | null;
}

export interface CheckInResult {
  residentId: string;
  checkedInAt: Date;
  /** true when this resident was already checked in to this session */
  alreadyCheckedIn: boolean;
}

interface SessionRow {
  id: string;
  title: string;
  course_id: string | null;
  lesson_id: string | null;
  scheduled_start: Date;
  scheduled_end: Date;
  stream_url: string;
  target_province_codes: string[];
  target_commune_codes: string[];
  join_code: string;
  status: LiveSessionStatus;
  started_at: Date | null;
  ended_at: Date | null;
  created_by: string | null;
  trainer_account_ids: string[];
  /** "communeCode:provinceCode" of each target commune, for scope checks */
  target_commune_units: string[];
}

interface VenueRow {
  id: string;
  name: string;
  village_id: string;
  commune_code: string;
  province_code: string;
}

const SESSION_SELECT = `select s.*,
    coalesce((select array_agg(t.account_id::text order by t.account_id) from live_session_trainer t where t.session_id = s.id), '{}') as trainer_account_ids,
    coalesce((select array_agg(c.code || ':' || c.province_code) from commune c where c.code = any(s.target_commune_codes)), '{}') as target_commune_units
  from live_session s`;

/** How early a delayed open/close job may fire and still count (clock skew between hosts). */
const SCHEDULE_TOLERANCE_MS = 5_000;
/** How long a finished session's Redis state stays for late reconnects and diagnostics. */
const FINISHED_STATE_TTL_SECONDS = 6 * 3600;
const CLOSED: readonly LiveSessionStatus[] = [LiveSessionStatus.ENDED, LiveSessionStatus.CANCELLED];

/**
 * Live sessions: scheduling, the status machine SCHEDULED → LIVE → ENDED (or CANCELLED), tickets
 * to the gateway, venue headcounts and check-ins. The one place that decides who may do what
 * with a session: a caller who may not see a session is told it does not exist.
 */
@Injectable()
export class LiveSessionsService {
  private readonly logger = new Logger(LiveSessionsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly scheduler: LiveScheduler,
    private readonly state: LiveState,
    private readonly tokens: ParticipantTokenSigner,
    private readonly vault: PiiVault,
  ) {}

  // ---- managing sessions

  async createSession(
    actor: Actor,
    input: CreateLiveSessionInput,
    requestId?: string | null,
  ): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    const title = validTitle(input.title);
    const { start, end } = validSchedule(input.scheduledStart, input.scheduledEnd);
    const streamUrl = validStreamUrl(input.streamUrl);
    const targets = validTargets({
      provinceCodes: input.targetProvinceCodes ?? [],
      communeCodes: input.targetCommuneCodes ?? [],
    });
    const trainers = validTrainerIds(input.trainerAccountIds ?? [account.accountId]);
    for (const id of [input.courseId, input.lessonId]) {
      if (id != null && !isUuid(id)) throw new LiveError(LiveErrorCode.INVALID_JOIN_REQUEST, { field: 'courseId' });
    }
    if (input.id != null && !isUuid(input.id))
      throw new LiveError(LiveErrorCode.INVALID_LIVE_SESSION_ID, { field: 'id' });
    const communeProvinces = await this.checkTargetsExist(targets);
    if (!this.managesAll(account, targets, communeProvinces)) {
      // Nothing exists for the caller outside their scope: the same answer as a unit that does not exist.
      throw new LiveError(LiveErrorCode.INVALID_TARGETS, { field: 'targets' });
    }
    await this.checkTrainersExist(trainers);
    const content: SessionContent = {
      title,
      courseId: input.courseId?.toLowerCase() ?? null,
      lessonId: input.lessonId?.toLowerCase() ?? null,
      start,
      end,
      streamUrl,
      targets,
      trainers: trainers.map((trainer) => trainer.toLowerCase()),
      createdBy: account.accountId,
    };
    const id = input.id?.toLowerCase() ?? randomUUID();
    if (input.id != null) {
      const existing = await this.findRow(id);
      if (existing) return this.answerRetry(existing, content);
    }
    const created = await this.insertWithFreshJoinCode(async (em, joinCode) => {
      const inserted = await em.execute<{ id: string }[]>(
        `insert into live_session (id, title, course_id, lesson_id, scheduled_start, scheduled_end, stream_url,
           target_province_codes, target_commune_codes, join_code, status, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, 'SCHEDULED', ?)
         on conflict (id) do nothing returning id`,
        [
          id,
          title,
          input.courseId ?? null,
          input.lessonId ?? null,
          start,
          end,
          streamUrl,
          pgArray(targets.provinceCodes),
          pgArray(targets.communeCodes),
          joinCode,
          account.accountId,
        ],
      );
      // A concurrent request with the same id committed first: nothing more to write.
      if (inserted.length === 0) return false;
      for (const trainer of trainers) {
        await em.execute(
          `insert into live_session_trainer (id, session_id, account_id) values (?, ?, ?)`,
          [randomUUID(), id, trainer],
          'run',
        );
      }
      await this.audit.record(em, {
        action: AuditAction.LIVE_SESSION_CREATED,
        actorAccountId: account.accountId,
        targetType: 'live_session',
        targetId: id,
        requestId,
        details: { ...targets, trainers: trainers.length },
      });
      return true;
    });
    if (!created) return this.answerRetry((await this.findRow(id))!, content);
    await this.scheduler.schedule(id, start, end);
    this.logger.log({ sessionId: id }, 'live session created');
    return toView((await this.findRow(id))!);
  }

  /** Title, time and stream of a session that has not started; the delayed jobs move with it. */
  async rescheduleSession(
    actor: Actor,
    input: RescheduleLiveSessionInput,
    requestId?: string | null,
  ): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    const row = this.authorizeManage(account, await this.findRow(input.id), input.id);
    if (row.status !== LiveSessionStatus.SCHEDULED) {
      throw new LiveError(LiveErrorCode.LIVE_SESSION_WRONG_STATUS, { status: row.status });
    }
    const title = input.title != null ? validTitle(input.title) : row.title;
    const streamUrl = input.streamUrl != null ? validStreamUrl(input.streamUrl) : row.stream_url;
    const { start, end } = validSchedule(
      input.scheduledStart ?? new Date(row.scheduled_start),
      input.scheduledEnd ?? new Date(row.scheduled_end),
    );
    await this.em.transactional(async (em) => {
      await em.execute(
        `update live_session set title = ?, stream_url = ?, scheduled_start = ?, scheduled_end = ?, updated_at = now() where id = ?`,
        [title, streamUrl, start, end, row.id],
        'run',
      );
      await this.audit.record(em, {
        action: AuditAction.LIVE_SESSION_UPDATED,
        actorAccountId: account.accountId,
        targetType: 'live_session',
        targetId: row.id,
        requestId,
        details: { scheduledStart: start.toISOString(), scheduledEnd: end.toISOString() },
      });
    });
    await this.scheduler.schedule(row.id, start, end);
    return toView((await this.findRow(row.id))!);
  }

  async getSession(actor: Actor, id: string): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    return toView(this.authorizeManage(account, await this.findRow(id), id));
  }

  /**
   * Sessions the caller trains or may manage (every target unit inside their LIVE_SESSIONS_MANAGE
   * scopes), by scheduled start. The same rule as `getSession`, written as SQL.
   */
  async listSessions(actor: Actor, page: PageArgs): Promise<Page<LiveSessionView>> {
    const account = requireAccount(actor);
    const after = sessionCursor(page);
    const scopes = scopesWith(account, Permission.LIVE_SESSIONS_MANAGE);
    const nation = scopes.some((scope) => scope.kind === ScopeKind.NATION);
    const provinces = pgArray(scopes.filter((s) => s.kind === ScopeKind.PROVINCE).map((s) => s.id));
    const communes = pgArray(scopes.filter((s) => s.kind === ScopeKind.COMMUNE).map((s) => s.id));
    const visible = `(? or exists (select 1 from live_session_trainer t where t.session_id = s.id and t.account_id = ?)
      or (s.target_province_codes <@ ?::text[] and not exists (
            select 1 from unnest(s.target_commune_codes) tc join commune c on c.code = tc
             where not (tc = any(?::text[]) or c.province_code = any(?::text[])))))`;
    const params = [nation, account.accountId, provinces, communes, provinces];
    const keyset = after ? ' and (s.scheduled_start, s.id) > (?::timestamptz, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<SessionRow[]>(
        `${SESSION_SELECT} where ${visible}${keyset} order by s.scheduled_start, s.id limit ?`,
        [...params, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from live_session s where ${visible}`, params),
    ]);
    const sessions = toPage(rows, page.first, n, (row) => [new Date(row.scheduled_start).toISOString(), row.id]);
    return { ...sessions, items: sessions.items.map(toView) };
  }

  async startSession(actor: Actor, id: string, requestId?: string | null): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    this.authorizeManage(account, await this.findRow(id), id);
    return this.transition(id, [LiveSessionStatus.SCHEDULED], LiveSessionStatus.LIVE, account.accountId, requestId);
  }

  async endSession(actor: Actor, id: string, requestId?: string | null): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    this.authorizeManage(account, await this.findRow(id), id);
    return this.transition(id, [LiveSessionStatus.LIVE], LiveSessionStatus.ENDED, account.accountId, requestId);
  }

  async cancelSession(actor: Actor, id: string, requestId?: string | null): Promise<LiveSessionView> {
    const account = requireAccount(actor);
    this.authorizeManage(account, await this.findRow(id), id);
    return this.transition(
      id,
      [LiveSessionStatus.SCHEDULED],
      LiveSessionStatus.CANCELLED,
      account.accountId,
      requestId,
    );
  }

  // ---- scheduled transitions (worker)

  /** The delayed opening: SCHEDULED → LIVE, once its time has come; anything else is a no-op. */
  async openScheduled(id: string, now = new Date()): Promise<LiveSessionStatus | null> {
    const row = await this.findRow(id);
    if (!row || row.status !== LiveSessionStatus.SCHEDULED) return row?.status ?? null;
    if (new Date(row.scheduled_start).getTime() - SCHEDULE_TOLERANCE_MS > now.getTime()) return row.status;
    return (await this.transition(id, [LiveSessionStatus.SCHEDULED], LiveSessionStatus.LIVE, null, null)).status;
  }

  /** The delayed closing: LIVE (or never started) → ENDED, once its time has come. */
  async closeScheduled(id: string, now = new Date()): Promise<LiveSessionStatus | null> {
    const row = await this.findRow(id);
    if (!row || CLOSED.includes(row.status)) return row?.status ?? null;
    if (new Date(row.scheduled_end).getTime() - SCHEDULE_TOLERANCE_MS > now.getTime()) return row.status;
    return (
      await this.transition(
        id,
        [LiveSessionStatus.SCHEDULED, LiveSessionStatus.LIVE],
        LiveSessionStatus.ENDED,
        null,
        null,
      )
    ).status;
  }

  // ---- joining

  /** A ticket to the gateway: a short-lived participant (or trainer) token and where to use it. */
  async joinSession(actor: Actor, input: JoinLiveSessionInput): Promise<LiveTicket> {
    const row = await this.findForJoin(input);
    if (CLOSED.includes(row.status)) throw new LiveError(LiveErrorCode.LIVE_SESSION_CLOSED, { sessionId: row.id });
    const base = { sessionId: row.id, villageId: null, venueId: null } as const;
    let claims;
    switch (input.as) {
      case 'RESIDENT': {
        const account = requireAccount(actor);
        if (!account.residentId) throw new LiveError(LiveErrorCode.NOT_A_RESIDENT);
        const [resident] = await this.em.execute<{ village_id: string; commune_code: string; display_name: string }[]>(
          `select r.village_id, v.commune_code, a.display_name from resident r join village v on v.id = r.village_id
             join account a on a.id = ? where r.id = ? and r.erased_at is null`,
          [account.accountId, account.residentId],
        );
        if (!resident) throw new LiveError(LiveErrorCode.NOT_A_RESIDENT);
        claims = {
          ...base,
          participantId: account.residentId,
          kind: 'RESIDENT' as const,
          displayName: resident.display_name,
          communeCode: resident.commune_code,
          villageId: resident.village_id,
        };
        break;
      }
      case 'GUEST': {
        const displayName = validGuestName(input.guestName);
        const village = isUuid(input.villageId)
          ? (
              await this.em.execute<{ id: string; commune_code: string }[]>(
                `select id, commune_code from village where id = ?`,
                [input.villageId],
              )
            )[0]
          : undefined;
        if (!village) throw new LiveError(LiveErrorCode.INVALID_JOIN_REQUEST, { field: 'villageId' });
        claims = {
          ...base,
          participantId: randomUUID(),
          kind: 'GUEST' as const,
          displayName,
          communeCode: village.commune_code,
          villageId: village.id,
        };
        break;
      }
      case 'VENUE': {
        const account = requireAccount(actor);
        const venue = await this.hostedVenue(account, row, input.venueId);
        if (input.headcount != null)
          await this.recordHeadcount(row.id, venue, validHeadcount(input.headcount), account.accountId);
        claims = {
          ...base,
          participantId: venue.id,
          kind: 'VENUE' as const,
          displayName: venue.name,
          communeCode: venue.commune_code,
          villageId: venue.village_id,
          venueId: venue.id,
        };
        break;
      }
      case 'TRAINER': {
        const account = requireAccount(actor);
        if (!row.trainer_account_ids.includes(account.accountId)) throw new LiveError(LiveErrorCode.NOT_A_TRAINER);
        const [{ display_name }] = await this.em.execute<{ display_name: string }[]>(
          `select display_name from account where id = ?`,
          [account.accountId],
        );
        claims = {
          ...base,
          participantId: account.accountId,
          kind: 'TRAINER' as const,
          displayName: display_name,
          communeCode: null,
        };
        break;
      }
      default:
        throw new LiveError(LiveErrorCode.INVALID_JOIN_REQUEST, { field: 'as' });
    }
    const { token, expiresAt } = await this.tokens.sign(claims);
    return {
      sessionId: row.id,
      participantId: claims.participantId,
      kind: claims.kind,
      token,
      expiresAt,
      gatewayUrl: this.config.LIVE_PUBLIC_URL,
    };
  }

  // ---- venues

  async updateVenueHeadcount(
    actor: Actor,
    input: { sessionId: string; venueId: string; headcount: number },
  ): Promise<{ venueId: string; headcount: number }> {
    const account = requireAccount(actor);
    const headcount = validHeadcount(input.headcount);
    const row = await this.findRowForVenueHost(input.sessionId);
    if (CLOSED.includes(row.status)) throw new LiveError(LiveErrorCode.LIVE_SESSION_CLOSED, { sessionId: row.id });
    const venue = await this.hostedVenue(account, row, input.venueId);
    await this.recordHeadcount(row.id, venue, headcount, account.accountId);
    return { venueId: venue.id, headcount };
  }

  /**
   * A facilitator checks in a resident present at the venue, found in the venue's commune by name
   * and birth year or by phone. Once per resident and session: checking in again answers the
   * first check-in.
   */
  async checkInResident(actor: Actor, input: CheckInInput, requestId?: string | null): Promise<CheckInResult> {
    const account = requireAccount(actor);
    const row = await this.findRowForVenueHost(input.sessionId);
    if (row.status === LiveSessionStatus.CANCELLED)
      throw new LiveError(LiveErrorCode.LIVE_SESSION_CLOSED, { sessionId: row.id });
    const venue = await this.hostedVenue(account, row, input.venueId);
    const residentId = await this.findResidentInCommune(venue.commune_code, input);
    return this.em.transactional(async (em) => {
      const inserted = await em.execute<{ checked_in_at: Date }[]>(
        `insert into live_check_in (id, session_id, venue_id, resident_id, checked_in_by) values (?, ?, ?, ?, ?)
         on conflict (session_id, resident_id) do nothing returning checked_in_at`,
        [randomUUID(), row.id, venue.id, residentId, account.accountId],
      );
      if (inserted.length === 0) {
        const [existing] = await em.execute<{ checked_in_at: Date }[]>(
          `select checked_in_at from live_check_in where session_id = ? and resident_id = ?`,
          [row.id, residentId],
        );
        return { residentId, checkedInAt: new Date(existing.checked_in_at), alreadyCheckedIn: true };
      }
      await this.audit.record(em, {
        action: AuditAction.LIVE_RESIDENT_CHECKED_IN,
        actorAccountId: account.accountId,
        targetType: 'live_session',
        targetId: row.id,
        requestId,
        details: { venueId: venue.id, residentId, by: input.phone ? 'phone' : 'name_birth_year' },
      });
      return { residentId, checkedInAt: new Date(inserted[0].checked_in_at), alreadyCheckedIn: false };
    });
  }

  // ---- the gateway's side (the caller proved who it is with a signed ticket)

  async sessionForGateway(
    id: string,
  ): Promise<{ id: string; title: string; streamUrl: string; status: LiveSessionStatus } | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.em
      .fork()
      .execute<{ id: string; title: string; stream_url: string; status: LiveSessionStatus }[]>(
        `select id, title, stream_url, status from live_session where id = ?`,
        [id],
      );
    return row ? { id: row.id, title: row.title, streamUrl: row.stream_url, status: row.status } : null;
  }

  async recordPollOpened(
    sessionId: string,
    trainerAccountId: string,
    poll: {
      id: string;
      kind: LivePollKind;
      question: string;
      options: string[];
      correctOption: number | null;
      openedAt: Date;
    },
  ): Promise<void> {
    await this.em.fork().execute(
      `insert into live_poll (id, session_id, kind, question, options, correct_option, opened_by, opened_at)
       values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
      [
        poll.id,
        sessionId,
        poll.kind,
        poll.question,
        JSON.stringify(poll.options),
        poll.correctOption,
        trainerAccountId,
        poll.openedAt,
      ],
      'run',
    );
  }

  /** The final tallies of a closed poll, exactly as counted from its distinct answers. */
  async recordPollClosed(results: PollResults, byCommune: Record<string, number[]>): Promise<void> {
    await this.em.fork().execute(
      `update live_poll set closed_at = now(), answer_count = ?, tallies = ?::jsonb, tallies_by_commune = ?::jsonb
        where id = ? and closed_at is null`,
      [results.total, JSON.stringify(results.tallies), JSON.stringify(byCommune), results.pollId],
      'run',
    );
  }

  async pollCorrectOption(pollId: string): Promise<number | null> {
    const [row] = await this.em
      .fork()
      .execute<{ correct_option: number | null }[]>(`select correct_option from live_poll where id = ?`, [pollId]);
    return row?.correct_option ?? null;
  }

  /** A trainer ends the session from the gateway. */
  async endByTrainer(sessionId: string, trainerAccountId: string): Promise<LiveSessionStatus> {
    const row = await this.findRow(sessionId, this.em.fork());
    if (!row || !row.trainer_account_ids.includes(trainerAccountId)) {
      throw new LiveError(LiveErrorCode.NOT_A_TRAINER);
    }
    const view = await this.transition(
      sessionId,
      [LiveSessionStatus.SCHEDULED, LiveSessionStatus.LIVE],
      LiveSessionStatus.ENDED,
      trainerAccountId,
      null,
      this.em.fork(),
    );
    return view.status;
  }

  // ---- internals

  /**
   * Moves a session between statuses in one conditional UPDATE (two callers racing: one wins),
   * audits it, then commits the status broadcast to Redis and hands it to every gateway.
   */
  private async transition(
    id: string,
    from: readonly LiveSessionStatus[],
    to: LiveSessionStatus,
    actorAccountId: string | null,
    requestId: string | null | undefined,
    em: EntityManager = this.em,
  ): Promise<LiveSessionView> {
    const stamp = to === LiveSessionStatus.LIVE ? 'started_at' : 'ended_at';
    const moved = await em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `update live_session set status = ?, ${stamp} = now(), updated_at = now()
          where id = ? and status = any(?::live_session_status[]) returning id`,
        [to, id, pgArray(from)],
      );
      if (rows.length === 0) return false;
      await this.audit.record(tx, {
        action: AuditAction.LIVE_SESSION_STATUS_CHANGED,
        actorAccountId,
        targetType: 'live_session',
        targetId: id,
        requestId,
        details: { to, by: actorAccountId ? 'hand' : 'schedule' },
      });
      return true;
    });
    const row = (await this.findRow(id, em))!;
    if (!moved) throw new LiveError(LiveErrorCode.LIVE_SESSION_WRONG_STATUS, { status: row.status });
    if (CLOSED.includes(to)) await this.scheduler.unschedule(id);
    const broadcast = await this.state.commit(id, 'status', { status: to }, { status: to });
    await this.state.publishToGateways(id, broadcast);
    if (CLOSED.includes(to)) await this.state.expireSession(id, FINISHED_STATE_TTL_SECONDS);
    this.logger.log({ sessionId: id, status: to }, 'live session status changed');
    return toView(row);
  }

  /**
   * A create whose id is taken: the same request again (a retry, or its concurrent twin) answers
   * the stored session; anything else under that id is LIVE_SESSION_ID_CONFLICT and changes
   * nothing. A retry of a session still SCHEDULED puts back an opening or closing job the first
   * attempt did not get to (Redis away after the commit); jobs already there are left as they are.
   */
  private async answerRetry(row: SessionRow, content: SessionContent): Promise<LiveSessionView> {
    if (!sameContent(row, content)) throw new LiveError(LiveErrorCode.LIVE_SESSION_ID_CONFLICT, { id: row.id });
    if (row.status === LiveSessionStatus.SCHEDULED) {
      const [opening, closing] = await Promise.all([
        this.scheduler.pending('open-session', row.id),
        this.scheduler.pending('close-session', row.id),
      ]);
      if (!opening || !closing) {
        await this.scheduler.schedule(row.id, new Date(row.scheduled_start), new Date(row.scheduled_end));
      }
    }
    return toView(row);
  }

  private async findRow(id: string, em: EntityManager = this.em): Promise<SessionRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await em.execute<SessionRow[]>(`${SESSION_SELECT} where s.id = ?`, [id]);
    return row ?? null;
  }

  private async findForJoin(input: JoinLiveSessionInput): Promise<SessionRow> {
    if ((input.sessionId == null) === (input.joinCode == null)) {
      throw new LiveError(LiveErrorCode.INVALID_JOIN_REQUEST, { field: 'sessionId' });
    }
    const [row] =
      input.sessionId != null
        ? isUuid(input.sessionId)
          ? await this.em.execute<SessionRow[]>(`${SESSION_SELECT} where s.id = ?`, [input.sessionId])
          : []
        : await this.em.execute<SessionRow[]>(`${SESSION_SELECT} where s.join_code = ?`, [
            normalizeJoinCode(input.joinCode!),
          ]);
    if (!row) throw new LiveError(LiveErrorCode.LIVE_SESSION_NOT_FOUND);
    return row;
  }

  private async findRowForVenueHost(sessionId: string): Promise<SessionRow> {
    const row = await this.findRow(sessionId);
    if (!row) throw new LiveError(LiveErrorCode.LIVE_SESSION_NOT_FOUND);
    return row;
  }

  /** A trainer of the session, or someone who may manage sessions for all of its target units. */
  private authorizeManage(actor: AccountActor, row: SessionRow | null, id: string): SessionRow {
    const allowed =
      row !== null &&
      (row.trainer_account_ids.includes(actor.accountId) ||
        this.managesAll(
          actor,
          { provinceCodes: row.target_province_codes, communeCodes: row.target_commune_codes },
          new Map(row.target_commune_units.map((unit) => unit.split(':') as [string, string])),
        ));
    if (!allowed) throw new LiveError(LiveErrorCode.LIVE_SESSION_NOT_FOUND, { id });
    return row;
  }

  private managesAll(actor: AccountActor, targets: Targets, communeProvinces: Map<string, string>): boolean {
    const scopes: Scope[] = [
      ...targets.provinceCodes.map((code) => ({
        kind: ScopeKind.PROVINCE,
        id: code,
        provinceCode: code,
        communeCode: null,
        villageId: null,
      })),
      ...targets.communeCodes.map((code) => ({
        kind: ScopeKind.COMMUNE,
        id: code,
        provinceCode: communeProvinces.get(code) ?? null,
        communeCode: code,
        villageId: null,
      })),
    ];
    return scopes.every((scope) => can(actor, Permission.LIVE_SESSIONS_MANAGE, scope));
  }

  /** commune code → province code; INVALID_TARGETS when a unit does not exist. */
  private async checkTargetsExist(targets: Targets): Promise<Map<string, string>> {
    const [provinces, communes] = await Promise.all([
      targets.provinceCodes.length
        ? this.em.execute<{ code: string }[]>(`select code from province where code = any(?::text[])`, [
            pgArray(targets.provinceCodes),
          ])
        : Promise.resolve([]),
      targets.communeCodes.length
        ? this.em.execute<{ code: string; province_code: string }[]>(
            `select code, province_code from commune where code = any(?::text[])`,
            [pgArray(targets.communeCodes)],
          )
        : Promise.resolve([]),
    ]);
    if (provinces.length !== targets.provinceCodes.length || communes.length !== targets.communeCodes.length) {
      throw new LiveError(LiveErrorCode.INVALID_TARGETS, { field: 'targets' });
    }
    return new Map(communes.map((c) => [c.code, c.province_code]));
  }

  private async checkTrainersExist(ids: string[]): Promise<void> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from account where id = any(?::uuid[]) and status = 'ACTIVE'`,
      [pgArray(ids)],
    );
    if (rows.length !== ids.length) throw new LiveError(LiveErrorCode.INVALID_TRAINERS, { field: 'trainerAccountIds' });
  }

  private async insertWithFreshJoinCode<T>(write: (em: EntityManager, joinCode: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.em.transactional((em) => write(em, newJoinCode()));
      } catch (error) {
        // 31^6 codes: a clash is rare, several in a row mean something else is wrong.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 4) throw error;
      }
    }
  }

  /**
   * The venue a caller hosts for this session: it exists, the caller holds LIVE_VENUE_HOST on it,
   * and it lies in the session's target units. Anything else is VENUE_NOT_AVAILABLE.
   */
  private async hostedVenue(
    actor: AccountActor,
    row: SessionRow,
    venueId: string | null | undefined,
  ): Promise<VenueRow> {
    const [venue] = isUuid(venueId)
      ? await this.em.execute<VenueRow[]>(
          `select ve.id, ve.name, ve.village_id, v.commune_code, c.province_code
             from venue ve join village v on v.id = ve.village_id join commune c on c.code = v.commune_code where ve.id = ?`,
          [venueId],
        )
      : [];
    const scope: Scope | null = venue
      ? {
          kind: ScopeKind.VENUE,
          id: venue.id,
          provinceCode: venue.province_code,
          communeCode: venue.commune_code,
          villageId: venue.village_id,
        }
      : null;
    const inTargets =
      venue !== undefined &&
      (row.target_province_codes.includes(venue.province_code) ||
        row.target_commune_codes.includes(venue.commune_code));
    if (!venue || !scope || !inTargets || !can(actor, Permission.LIVE_VENUE_HOST, scope)) {
      throw new LiveError(LiveErrorCode.VENUE_NOT_AVAILABLE, { venueId: venueId ?? null });
    }
    return venue;
  }

  private async recordHeadcount(sessionId: string, venue: VenueRow, headcount: number, by: string): Promise<void> {
    await this.em.execute(
      `insert into live_venue_headcount (session_id, venue_id, commune_code, headcount, reported_by) values (?, ?, ?, ?, ?)`,
      [sessionId, venue.id, venue.commune_code, headcount, by],
      'run',
    );
    await this.state.setHeadcount(sessionId, venue.id, venue.commune_code, headcount);
  }

  private async findResidentInCommune(communeCode: string, input: CheckInInput): Promise<string> {
    const byPhone = input.phone != null && input.phone !== '';
    const byName = input.fullName != null && input.fullName !== '' && input.birthYear != null;
    if (byPhone === byName) throw new LiveError(LiveErrorCode.INVALID_CHECK_IN);
    let rows: { id: string }[];
    if (byPhone) {
      const phone = normalizePhone(input.phone!);
      if (phone === null) throw new LiveError(LiveErrorCode.INVALID_CHECK_IN, { field: 'phone' });
      rows = await this.em.execute<{ id: string }[]>(
        `select r.id from resident r join village v on v.id = r.village_id
          where r.phone_hash = ? and v.commune_code = ? and r.erased_at is null`,
        [this.vault.hash('phone', phone), communeCode],
      );
    } else {
      rows = await this.em.execute<{ id: string }[]>(
        `select r.id from resident r join village v on v.id = r.village_id
          where r.search_text = ? and r.birth_year = ? and v.commune_code = ? and r.erased_at is null limit 2`,
        [foldVietnamese(input.fullName!), input.birthYear, communeCode],
      );
    }
    if (rows.length === 0) throw new LiveError(LiveErrorCode.CHECK_IN_RESIDENT_NOT_FOUND);
    if (rows.length > 1) throw new LiveError(LiveErrorCode.CHECK_IN_AMBIGUOUS);
    return rows[0].id;
  }
}

/** What a create request says once validated: a retry must say exactly this again. */
interface SessionContent {
  title: string;
  courseId: string | null;
  lessonId: string | null;
  start: Date;
  end: Date;
  streamUrl: string;
  targets: Targets;
  trainers: string[];
  createdBy: string;
}

function sameContent(row: SessionRow, content: SessionContent): boolean {
  const sorted = (values: readonly string[]) => [...values].sort().join(',');
  return (
    row.created_by === content.createdBy &&
    row.title === content.title &&
    row.course_id === content.courseId &&
    row.lesson_id === content.lessonId &&
    new Date(row.scheduled_start).getTime() === content.start.getTime() &&
    new Date(row.scheduled_end).getTime() === content.end.getTime() &&
    row.stream_url === content.streamUrl &&
    sorted(row.target_province_codes) === sorted(content.targets.provinceCodes) &&
    sorted(row.target_commune_codes) === sorted(content.targets.communeCodes) &&
    sorted(row.trainer_account_ids) === sorted(content.trainers)
  );
}

function sessionCursor(page: PageArgs): [string, string] | null {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw new GeographyError(GeographyErrorCode.INVALID_PAGE_SIZE, { first: page.first });
  }
  if (page.after == null) return null;
  const key = decodeCursor(page.after, 2);
  if (!key || Number.isNaN(Date.parse(key[0])) || !isUuid(key[1]))
    throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
  return [key[0], key[1]];
}

/**
 * A PostgreSQL array literal: the driver would spread a JS array into a list of parameters.
 * Only for codes, ids and enum values (no quotes or backslashes in them).
 */
function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}

function toView(row: SessionRow): LiveSessionView {
  return {
    id: row.id,
    title: row.title,
    courseId: row.course_id,
    lessonId: row.lesson_id,
    scheduledStart: new Date(row.scheduled_start),
    scheduledEnd: new Date(row.scheduled_end),
    streamUrl: row.stream_url,
    targetProvinceCodes: row.target_province_codes,
    targetCommuneCodes: row.target_commune_codes,
    joinCode: row.join_code,
    status: row.status,
    startedAt: row.started_at ? new Date(row.started_at) : null,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    trainerAccountIds: row.trainer_account_ids,
  };
}
