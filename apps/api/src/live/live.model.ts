import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection.model';
import { LiveSessionStatus } from '@hocvuso/live';

registerEnumType(LiveSessionStatus, {
  name: 'LiveSessionStatus',
  description: 'SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED',
});

/** How a caller takes part in a live session. */
export enum LiveParticipantKind {
  RESIDENT = 'RESIDENT',
  GUEST = 'GUEST',
  VENUE = 'VENUE',
  TRAINER = 'TRAINER',
}

registerEnumType(LiveParticipantKind, {
  name: 'LiveParticipantKind',
  description:
    'RESIDENT: an account linked to a resident; GUEST: no account, a name and a village; VENUE: a facilitator’s screen for a room; TRAINER: one of the session’s trainers',
});

@ObjectType('LiveSession', { description: 'A livestreamed class' })
export class LiveSessionModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => ID, { nullable: true, description: 'the course it teaches (a plain id)' })
  courseId: string | null;

  @Field(() => ID, { nullable: true, description: 'the lesson it teaches (a plain id)' })
  lessonId: string | null;

  @Field(() => Date)
  scheduledStart: Date;

  @Field(() => Date)
  scheduledEnd: Date;

  @Field({ description: 'where the video is watched (the streaming service)' })
  streamUrl: string;

  @Field(() => [String])
  targetProvinceCodes: string[];

  @Field(() => [String])
  targetCommuneCodes: string[];

  @Field({ description: 'the short code people type to join' })
  joinCode: string;

  @Field(() => LiveSessionStatus)
  status: LiveSessionStatus;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Field(() => [ID])
  trainerAccountIds: string[];
}

export const LiveSessionConnection = Connection(LiveSessionModel, 'LiveSessionConnection');

@ObjectType('LiveTicket', { description: 'What a client needs to connect to the live gateway' })
export class LiveTicketModel {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID, { description: 'the resident, account, venue, or a fresh id for a guest' })
  participantId: string;

  @Field(() => LiveParticipantKind)
  kind: LiveParticipantKind;

  @Field({ description: 'the participant token: pass it as `auth.token` when connecting' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field({ description: 'the gateway address (socket.io, websocket transport)' })
  gatewayUrl: string;
}

@ObjectType('VenueHeadcount')
export class VenueHeadcountModel {
  @Field(() => ID)
  venueId: string;

  @Field(() => Int)
  headcount: number;
}

@ObjectType('LiveCheckIn', { description: 'A resident checked in at a venue' })
export class LiveCheckInModel {
  @Field(() => ID)
  residentId: string;

  @Field(() => Date)
  checkedInAt: Date;

  @Field({ description: 'the resident had already been checked in to this session' })
  alreadyCheckedIn: boolean;
}
