export {
  LiveCheckIn,
  liveEntities,
  LivePoll,
  LivePollKind,
  LiveSession,
  LiveSessionStatus,
  LiveSessionTrainer,
  LiveVenueHeadcount,
} from './entities';
export { LiveError, LiveErrorCode, liveErrorMessages } from './live.errors';
export { LiveModule } from './live.module';
export { liveControlChannel, liveKeys, liveRooms } from './live-keys';
export { LiveScheduler, transitionJobId } from './live-scheduler';
export {
  type CheckInInput,
  type CheckInResult,
  type CreateLiveSessionInput,
  type JoinLiveSessionInput,
  type LiveSessionView,
  LiveSessionsService,
  type LiveTicket,
  type RescheduleLiveSessionInput,
} from './live-sessions.service';
export {
  BROADCAST_INTERVAL_MS,
  type ControlMessage,
  LiveState,
  presenceMoves,
  type SnapshotFields,
} from './live-state';
export { type ParticipantClaims, ParticipantTokenError, ParticipantTokenSigner } from './participant-token';
