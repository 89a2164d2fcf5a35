import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { VillageKind } from '@hocvuso/geography';

@InputType()
export class CreateVillageInput {
  @Field({ description: '5-digit commune code' })
  communeCode: string;

  @Field({ description: 'e.g. "Thôn Đông Tảo", "Tổ dân phố số 3"' })
  name: string;

  @Field(() => VillageKind)
  kind: VillageKind;
}

@InputType()
export class CreateVenueInput {
  @Field(() => ID)
  villageId: string;

  @Field({ description: 'e.g. "Nhà văn hóa thôn Đông Tảo"' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Seats; omit when unknown' })
  capacity?: number | null;
}
