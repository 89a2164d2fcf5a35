import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Village } from '@hocvuso/geography';
import {
  ConsentPurpose,
  ConsentsService,
  type ConsentView,
  decodeResidentsFile,
  ErasureReason,
  type ErasureResult,
  type PersonalDataExport,
  PersonalDataRequestsService,
  type ResidentContact,
  ResidentsImportService,
  type ResidentsImportResult,
  ResidentsService,
  type ResidentView,
} from '@hocvuso/residents';
import { VillageModel } from '../geography/geography.model';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { CreateResidentInput, ImportResidentsInput, RecordConsentInput, ResidentsArgs } from './residents.input';
import { residentsLoaders } from './residents.loader';
import {
  ConsentModel,
  PersonalDataExportModel,
  ResidentConnection,
  ResidentContactModel,
  ResidentErasureModel,
  ResidentModel,
  ResidentsImportResultModel,
} from './residents.model';

@Resolver(() => ResidentModel)
export class ResidentResolver {
  constructor(
    private readonly consentsService: ConsentsService,
    private readonly dataRequests: PersonalDataRequestsService,
    private readonly residentsImport: ResidentsImportService,
    private readonly residentsService: ResidentsService,
  ) {}

  @Query(() => ResidentModel, { description: 'A resident in the caller’s scope, or the caller’s own record' })
  resident(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<ResidentView> {
    return this.residentsService.getResident(ctx.actor, id);
  }

  @Query(() => ResidentConnection, {
    description: 'Residents of a village or a commune, in name order, limited to the caller’s scopes',
  })
  async residents(@Args() args: ResidentsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.residentsService.listResidents(ctx.actor, args, args));
  }

  @Query(() => ResidentModel, { nullable: true, description: 'Exact lookup by phone number (by its keyed hash)' })
  residentByPhone(@Args('phone') phone: string, @Context() ctx: GraphQLContext): Promise<ResidentView | null> {
    return this.residentsService.findByPhone(ctx.actor, phone);
  }

  @Query(() => ResidentModel, { nullable: true, description: 'Exact lookup by citizen id (by its keyed hash)' })
  residentByCitizenId(
    @Args('citizenId') citizenId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<ResidentView | null> {
    return this.residentsService.findByCitizenId(ctx.actor, citizenId);
  }

  @Query(() => ResidentContactModel, {
    description: 'Phone and citizen id in clear: needs RESIDENTS_READ_UNMASKED; audited',
  })
  residentContact(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<ResidentContact> {
    return this.residentsService.contact(ctx.actor, id, requestId(ctx));
  }

  @Query(() => PersonalDataExportModel, { description: 'Everything held about the signed-in resident' })
  exportMyData(@Context() ctx: GraphQLContext): Promise<PersonalDataExport> {
    return this.dataRequests.exportMyData(ctx.actor, requestId(ctx));
  }

  @Query(() => PersonalDataExportModel, { description: 'Everything held about a resident, on their request; audited' })
  exportResidentData(
    @Args('residentId', { type: () => ID }) residentId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<PersonalDataExport> {
    return this.dataRequests.exportResidentData(ctx.actor, residentId, requestId(ctx));
  }

  @Mutation(() => ResidentModel, {
    description: 'Resident and consent together; the identical request again returns the same resident',
  })
  createResident(@Args('input') input: CreateResidentInput, @Context() ctx: GraphQLContext): Promise<ResidentView> {
    return this.residentsService.createResident(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => ConsentModel, {
    description: 'Consent for a further purpose; an open consent for it is returned as it is',
  })
  recordConsent(@Args('input') input: RecordConsentInput, @Context() ctx: GraphQLContext): Promise<ConsentView> {
    return this.consentsService.recordConsent(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => ConsentModel, { description: 'Withdraws a consent (kept, marked withdrawn); idempotent' })
  withdrawConsent(
    @Args('consentId', { type: () => ID }) consentId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<ConsentView> {
    return this.consentsService.withdrawConsent(ctx.actor, consentId, requestId(ctx));
  }

  @Mutation(() => ConsentModel, { description: 'Withdraws a resident’s open consent for one purpose; idempotent' })
  withdrawConsentForPurpose(
    @Args('residentId', { type: () => ID }) residentId: string,
    @Args('purpose', { type: () => ConsentPurpose }) purpose: ConsentPurpose,
    @Context() ctx: GraphQLContext,
  ): Promise<ConsentView> {
    return this.consentsService.withdrawConsentForPurpose(ctx.actor, residentId, purpose, requestId(ctx));
  }

  @Mutation(() => ResidentErasureModel, {
    description: 'Erases the personal data, keeps the anonymous count; idempotent',
  })
  eraseResident(
    @Args('residentId', { type: () => ID }) residentId: string,
    @Args('reason', { type: () => ErasureReason }) reason: ErasureReason,
    @Context() ctx: GraphQLContext,
  ): Promise<ErasureResult> {
    return this.dataRequests.eraseResident(ctx.actor, residentId, reason, requestId(ctx));
  }

  @Mutation(() => ResidentsImportResultModel, {
    description: 'Bulk import from .xlsx or .csv; re-importing the same file creates nothing',
  })
  async importResidents(
    @Args('input') input: ImportResidentsInput,
    @Context() ctx: GraphQLContext,
  ): Promise<ResidentsImportResult> {
    const content = decodeResidentsFile(input.contentBase64);
    return this.residentsImport.importFile(ctx.actor, { ...input, content }, requestId(ctx));
  }

  @ResolveField(() => VillageModel)
  async village(@Parent() resident: ResidentView, @Context() ctx: GraphQLContext): Promise<Village> {
    return (await ctx.loaders.geography.village.load(resident.villageId))!;
  }

  @ResolveField(() => [ConsentModel], { description: 'Every consent, withdrawn ones included (batched)' })
  consents(@Parent() resident: ResidentView, @Context() ctx: GraphQLContext): Promise<ConsentView[]> {
    return residentsLoaders(ctx, this.consentsService, this.residentsService).consents.load(resident.id);
  }
}

@Resolver(() => VillageModel)
export class VillageResidentCountResolver {
  constructor(
    private readonly consentsService: ConsentsService,
    private readonly residentsService: ResidentsService,
  ) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Residents recorded in the village, erased ones included (batched); null without RESIDENTS_READ there',
  })
  residentCount(@Parent() village: Village, @Context() ctx: GraphQLContext): Promise<number | null> {
    return residentsLoaders(ctx, this.consentsService, this.residentsService).residentCount.load(village.id);
  }
}
