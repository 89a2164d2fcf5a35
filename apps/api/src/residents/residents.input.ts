import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConsentMethod, ConsentPurpose, Gender } from '@hocvuso/residents';

@InputType('ConsentInput', { description: 'The consent a resident gives; no resident is recorded without one' })
export class ConsentInputModel {
  @Field(() => [ConsentPurpose], { description: 'At least one' })
  purposes: ConsentPurpose[];

  @Field(() => ConsentMethod)
  method: ConsentMethod;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. the number of a signed paper form (never a photo of an id card)',
  })
  evidence?: string | null;
}

@InputType()
export class CreateResidentInput {
  @Field(() => ID)
  villageId: string;

  @Field({ description: '2 to 100 characters, letters required' })
  fullName: string;

  @Field(() => Int)
  birthYear: number;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field(() => String, { nullable: true, description: 'Vietnamese mobile number; stored encrypted' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '12-digit citizen id (CCCD); stored encrypted' })
  citizenId?: string | null;

  @Field(() => ConsentInputModel)
  consent: ConsentInputModel;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  residentId: string;

  @Field(() => ConsentPurpose)
  purpose: ConsentPurpose;

  @Field(() => ConsentMethod)
  method: ConsentMethod;

  @Field(() => String, { nullable: true })
  evidence?: string | null;
}

@InputType({
  description: 'A commune spreadsheet of residents (.xlsx or .csv), with the consent given for all of them',
})
export class ImportResidentsInput {
  @Field()
  communeCode: string;

  @Field({ description: 'Original file name; its extension (.xlsx or .csv) gives the format' })
  fileName: string;

  @Field({ description: 'The file, base64-encoded (a data: URL is accepted); at most 5 MB decoded' })
  contentBase64: string;

  @Field(() => ConsentInputModel)
  consent: ConsentInputModel;

  @Field({ defaultValue: false, description: 'Validate and count only, write nothing' })
  dryRun: boolean;
}

@ArgsType()
export class ResidentsArgs {
  @Field(() => ID, { nullable: true, description: 'Exactly one of villageId and communeCode' })
  villageId?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Name, accents and case aside' })
  search?: string | null;
}
