/**
 * The live protocol between the gateway (apps/live) and its clients: event names, payloads,
 * acknowledgements and error codes. Types and constant tables only, so browsers, the
 * benchmark and the gateway share it without pulling in any server code.
 *
 * Channels:
 * - `b` (server → client): a sequenced broadcast to everyone in the session, `{ seq, type, data }`.
 *   Sequence numbers are per session and gap-free at the source; a client that sees a gap asks
 *   for the snapshot again.
 * - `t` (server → trainers): unsequenced trainer-only updates (counters, questions to moderate,
 *   results by commune).
 * - requests (client → server): `socket.emit(name, payload, ack)`; every request is answered
 *   with an {@link Ack}.
 */

export type ParticipantKind = 'RESIDENT' | 'GUEST' | 'VENUE' | 'TRAINER';
export type LiveStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
export type PollKind = 'POLL' | 'QUIZ';
export const REACTION_KINDS = ['LIKE', 'CLAP', 'HEART', 'CONFUSED'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Name of the sequenced broadcast event and of the trainer event. */
export const BROADCAST_EVENT = 'b';
export const TRAINER_EVENT = 't';

export interface OpenPoll {
  id: string;
  kind: PollKind;
  question: string;
  options: string[];
  openedAt: string;
}

export interface PollResults {
  pollId: string;
  /** answers per option, in option order */
  tallies: number[];
  total: number;
  closed: boolean;
  /** for a closed quick quiz: the right option */
  correctOption: number | null;
}

export interface ApprovedQuestion {
  id: string;
  text: string;
  /** the asker's display name as they gave it */
  askedBy: string;
  communeCode: string | null;
  upvotes: number;
}

export interface PendingQuestion {
  id: string;
  text: string;
  askedBy: string;
  communeCode: string | null;
  askedAt: string;
}

export interface AudienceCounters {
  connected: number;
  /** people present: connected persons plus every venue's headcount */
  people: number;
  venues: number;
}

export interface TrainerCounters extends AudienceCounters {
  byCommune: Record<string, { connected: number; people: number; venues: number }>;
}

/** Everything a client needs to draw the session, with the sequence number it is current at. */
export interface Snapshot {
  sessionId: string;
  seq: number;
  status: LiveStatus;
  title: string;
  streamUrl: string;
  step: number;
  openPoll: OpenPoll | null;
  lastResults: PollResults | null;
  announcement: string | null;
  questions: ApprovedQuestion[];
  counters: AudienceCounters;
  you: { participantId: string; kind: ParticipantKind; displayName: string; communeCode: string | null };
}

/** Payloads of sequenced broadcasts, by type. */
export interface BroadcastPayloads {
  status: { status: LiveStatus };
  step: { step: number };
  'poll:opened': OpenPoll;
  'poll:results': PollResults;
  'poll:closed': PollResults;
  announcement: { text: string | null };
  'question:approved': ApprovedQuestion;
  'question:hidden': { questionId: string };
  'question:upvotes': { upvotes: Record<string, number> };
  reactions: { counts: Partial<Record<ReactionKind, number>> };
}
export type BroadcastType = keyof BroadcastPayloads;
export type Broadcast = { [K in BroadcastType]: { seq: number; type: K; data: BroadcastPayloads[K] } }[BroadcastType];

/** Payloads of trainer-only updates, by type. */
export interface TrainerPayloads {
  counters: TrainerCounters;
  'question:new': PendingQuestion;
  'poll:results-by-commune': { pollId: string; byCommune: Record<string, number[]> };
}
export type TrainerUpdate = {
  [K in keyof TrainerPayloads]: { type: K; data: TrainerPayloads[K] };
}[keyof TrainerPayloads];

/** Requests a client may send, with what each answers. */
export interface RequestMap {
  snapshot: { payload: Record<string, never>; result: Snapshot };
  'poll:answer': { payload: { pollId: string; option: number }; result: { counted: boolean } };
  react: { payload: { kind: ReactionKind }; result: Record<string, never> };
  'question:ask': { payload: { text: string }; result: { questionId: string } };
  'question:upvote': { payload: { questionId: string }; result: { counted: boolean } };
  // trainer controls
  'step:set': { payload: { step: number }; result: { step: number } };
  'poll:open': {
    payload: { kind: PollKind; question: string; options: string[]; correctOption?: number | null };
    result: { pollId: string };
  };
  'poll:close': { payload: { pollId: string }; result: PollResults };
  'question:approve': { payload: { questionId: string }; result: Record<string, never> };
  'question:hide': { payload: { questionId: string }; result: Record<string, never> };
  'announcement:pin': { payload: { text: string | null }; result: Record<string, never> };
  'session:end': { payload: Record<string, never>; result: { status: LiveStatus } };
}
export type RequestName = keyof RequestMap;
export const TRAINER_REQUESTS: readonly RequestName[] = [
  'step:set',
  'poll:open',
  'poll:close',
  'question:approve',
  'question:hide',
  'announcement:pin',
  'session:end',
];

export enum LiveProtocolErrorCode {
  INVALID_PAYLOAD = 'INVALID_PAYLOAD',
  UNKNOWN_EVENT = 'UNKNOWN_EVENT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** a participant sent a trainer command */
  TRAINER_ONLY = 'TRAINER_ONLY',
  SESSION_CLOSED = 'SESSION_CLOSED',
  POLL_NOT_OPEN = 'POLL_NOT_OPEN',
  POLL_ALREADY_OPEN = 'POLL_ALREADY_OPEN',
  INVALID_OPTION = 'INVALID_OPTION',
  QUESTION_NOT_FOUND = 'QUESTION_NOT_FOUND',
  /** at most one question per participant per minute */
  QUESTION_TOO_SOON = 'QUESTION_TOO_SOON',
  INTERNAL = 'INTERNAL',
}

/** Why a connection was refused (`connect_error` with `data.code`). */
export enum LiveConnectErrorCode {
  /** the gateway is admitting connections at its configured rate: retry after `retryAfterMs` */
  ADMISSION_LIMITED = 'ADMISSION_LIMITED',
  TOKEN_MISSING = 'TOKEN_MISSING',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
  SESSION_CLOSED = 'SESSION_CLOSED',
}

export const liveProtocolErrorMessages: Record<LiveProtocolErrorCode | LiveConnectErrorCode, string> = {
  INVALID_PAYLOAD: 'Dữ liệu gửi lên không hợp lệ.',
  UNKNOWN_EVENT: 'Yêu cầu không được hỗ trợ.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau giây lát.',
  TRAINER_ONLY: 'Chỉ giảng viên của buổi học mới được thực hiện thao tác này.',
  SESSION_CLOSED: 'Buổi học đã kết thúc hoặc đã bị hủy.',
  POLL_NOT_OPEN: 'Câu hỏi bình chọn này không còn mở.',
  POLL_ALREADY_OPEN: 'Đang có một câu hỏi bình chọn mở; hãy đóng nó trước.',
  INVALID_OPTION: 'Lựa chọn không hợp lệ.',
  QUESTION_NOT_FOUND: 'Không tìm thấy câu hỏi.',
  QUESTION_TOO_SOON: 'Mỗi người chỉ được gửi một câu hỏi mỗi phút.',
  INTERNAL: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  ADMISSION_LIMITED: 'Lớp học đang có nhiều người vào cùng lúc. Đang tự động thử lại…',
  TOKEN_MISSING: 'Thiếu vé tham gia buổi học.',
  TOKEN_INVALID: 'Vé tham gia buổi học không hợp lệ.',
  TOKEN_EXPIRED: 'Vé tham gia buổi học đã hết hạn; hãy tham gia lại.',
  ORIGIN_NOT_ALLOWED: 'Trang web này không được phép kết nối tới lớp học.',
};

export type AckError = {
  ok: false;
  code: LiveProtocolErrorCode;
  message: string;
  retryAfterMs?: number;
};
export type Ack<T> = { ok: true; data: T } | AckError;

/** `connect_error.data` when the gateway refuses a connection. */
export interface ConnectRefusal {
  code: LiveConnectErrorCode;
  message: string;
  retryAfterMs?: number;
}

/** Limits the gateway enforces, published so clients can respect them up front. */
export const LIVE_LIMITS = {
  questionMaxLength: 500,
  pollQuestionMaxLength: 300,
  pollOptionMaxLength: 120,
  pollMinOptions: 2,
  pollMaxOptions: 8,
  announcementMaxLength: 500,
  maxStep: 10_000,
  /** bytes of one inbound message; bigger ones close the socket */
  maxMessageBytes: 8 * 1024,
} as const;
