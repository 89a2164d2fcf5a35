import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { LiveParticipantKind } from './live.model';

@InputType()
export class CreateLiveSessionInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'a UUID the client generates, so a retry is safe: the same id and content return the session made the first time; other content under the id is LIVE_SESSION_ID_CONFLICT',
  })
  id?: string | null;

  @Field({ description: '3 to 200 characters' })
  title: string;

  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => ID, { nullable: true })
  lessonId?: string | null;

  @Field(() => Date)
  scheduledStart: Date;

  @Field(() => Date, { description: 'after the start, at most 12 hours later' })
  scheduledEnd: Date;

  @Field({ description: 'an http(s) URL of the stream' })
  streamUrl: string;

  @Field(() => [String], { nullable: true, description: 'whole provinces (2-digit codes)' })
  targetProvinceCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'communes (5-digit codes); at least one target in all' })
  targetCommuneCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'trainer accounts; default: the caller' })
  trainerAccountIds?: string[] | null;
}

@InputType({ description: 'Changes to a session that has not started; the scheduled opening and closing move with it' })
export class RescheduleLiveSessionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Date, { nullable: true })
  scheduledStart?: Date | null;

  @Field(() => Date, { nullable: true })
  scheduledEnd?: Date | null;

  @Field(() => String, { nullable: true })
  streamUrl?: string | null;
}

@InputType()
export class JoinLiveSessionInput {
  @Field(() => ID, { nullable: true, description: 'exactly one of sessionId and joinCode' })
  sessionId?: string | null;

  @Field(() => String, { nullable: true })
  joinCode?: string | null;

  @Field(() => LiveParticipantKind)
  as: LiveParticipantKind;

  @Field(() => String, {
    nullable: true,
    description: 'GUEST: the name shown with their questions (2 to 60 characters)',
  })
  guestName?: string | null;

  @Field(() => ID, { nullable: true, description: 'GUEST: the village they are in' })
  villageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'VENUE: the venue this screen is' })
  venueId?: string | null;

  @Field(() => Int, { nullable: true, description: 'VENUE: people in the room now' })
  headcount?: number | null;
}

@InputType()
export class UpdateVenueHeadcountInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  venueId: string;

  @Field(() => Int, { description: '0 to 100,000' })
  headcount: number;
}

@InputType({ description: 'Either fullName and birthYear, or phone' })
export class CheckInResidentInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  venueId: string;

  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@ArgsType()
export class LiveSessionsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;
}
