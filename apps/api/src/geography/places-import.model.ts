import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PlacesImportRowError', { description: 'One problem in one row of an imported file' })
export class PlacesImportRowErrorModel {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row: number;

  @Field(() => String, { nullable: true, description: 'Header of the offending column, e.g. "Mã xã"' })
  column: string | null;

  @Field({ description: 'Stable code, e.g. COMMUNE_NOT_FOUND, INVALID_KIND, DUPLICATE_VILLAGE_CONFLICT' })
  code: string;

  @Field({ description: 'Vietnamese explanation for the official' })
  message: string;
}

@ObjectType('PlacesImportResult', {
  description: 'All or nothing: when ok is false nothing was written, the counts are 0 and errors lists every bad row',
})
export class PlacesImportResultModel {
  @Field()
  ok: boolean;

  @Field(() => Int)
  villagesCreated: number;

  @Field(() => Int, { description: 'Villages of the file that already existed (same name, accents and case aside)' })
  villagesUnchanged: number;

  @Field(() => Int)
  venuesCreated: number;

  @Field(() => Int)
  venuesUnchanged: number;

  @Field(() => Int, { description: 'Non-empty data rows read' })
  rowsRead: number;

  @Field(() => [PlacesImportRowErrorModel])
  errors: PlacesImportRowErrorModel[];
}
