import { LivePollSchema } from './live-poll.entity';
import { LiveSessionSchema, LiveSessionTrainerSchema } from './live-session.entity';
import { LiveCheckInSchema, LiveVenueHeadcountSchema } from './live-venue.entity';

export { LivePoll, LivePollKind, LivePollSchema } from './live-poll.entity';
export {
  LiveSession,
  LiveSessionSchema,
  LiveSessionStatus,
  LiveSessionTrainer,
  LiveSessionTrainerSchema,
} from './live-session.entity';
export { LiveCheckIn, LiveCheckInSchema, LiveVenueHeadcount, LiveVenueHeadcountSchema } from './live-venue.entity';

export const liveEntities = [
  LiveSessionSchema,
  LiveSessionTrainerSchema,
  LivePollSchema,
  LiveVenueHeadcountSchema,
  LiveCheckInSchema,
];
