import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A spreadsheet of villages and venues (layout: see the README)' })
export class ImportVillagesAndVenuesInput {
  @Field({ description: 'Original file name; its extension (.xlsx or .csv) gives the format' })
  fileName: string;

  @Field({ description: 'The file, base64-encoded (a data: URL is accepted); at most 5 MB decoded' })
  contentBase64: string;

  @Field({ defaultValue: false, description: 'Validate and count only, write nothing' })
  dryRun: boolean;
}
