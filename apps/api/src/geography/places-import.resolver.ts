import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { decodeBase64File, type PlacesImportResult, PlacesImportService } from '@hocvuso/geography';
import { ImportVillagesAndVenuesInput } from './places-import.input';
import { PlacesImportResultModel } from './places-import.model';

@Resolver()
export class PlacesImportResolver {
  constructor(private readonly placesImport: PlacesImportService) {}

  @Mutation(() => PlacesImportResultModel, {
    description: 'Bulk import of villages and venues from .xlsx or .csv; re-importing the same file creates nothing',
  })
  importVillagesAndVenues(@Args('input') input: ImportVillagesAndVenuesInput): Promise<PlacesImportResult> {
    const content = decodeBase64File(input.contentBase64);
    return this.placesImport.importFile({ fileName: input.fileName, content, dryRun: input.dryRun });
  }
}
