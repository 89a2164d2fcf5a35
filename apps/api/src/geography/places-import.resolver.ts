import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { decodeBase64File, type PlacesImportResult, PlacesImportService } from '@hocvuso/geography';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { ImportVillagesAndVenuesInput } from './places-import.input';
import { PlacesImportResultModel } from './places-import.model';

@Resolver()
export class PlacesImportResolver {
  constructor(private readonly placesImport: PlacesImportService) {}

  @Mutation(() => PlacesImportResultModel, {
    description: 'Bulk import of villages and venues from .xlsx or .csv; re-importing the same file creates nothing',
  })
  importVillagesAndVenues(
    @Args('input') input: ImportVillagesAndVenuesInput,
    @Context() ctx: GraphQLContext,
  ): Promise<PlacesImportResult> {
    const content = decodeBase64File(input.contentBase64);
    return this.placesImport.importFile(
      ctx.actor,
      { fileName: input.fileName, content, dryRun: input.dryRun },
      requestId(ctx),
    );
  }
}
