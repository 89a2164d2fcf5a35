import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Commune,
  CommuneKind,
  GeographyService,
  Province,
  Venue,
  Village,
  VillagesAndVenuesService,
} from '@hocvuso/geography';
import { toConnection } from '../graphql/connection.model';
import type { GraphQLContext } from '../graphql/graphql.context';
import { PageArgs } from '../graphql/page.args';
import { CreateVenueInput, CreateVillageInput } from './geography.input';
import {
  CommuneConnection,
  CommuneModel,
  ProvinceConnection,
  ProvinceModel,
  VenueConnection,
  VenueModel,
  VillageConnection,
  VillageModel,
} from './geography.model';

@Resolver(() => ProvinceModel)
export class ProvinceResolver {
  constructor(private readonly geography: GeographyService) {}

  @Query(() => ProvinceConnection, { description: 'The 34 provinces, by code' })
  async provinces(@Args() page: PageArgs) {
    return toConnection(await this.geography.listProvinces(page.search, page));
  }

  @Query(() => ProvinceModel)
  province(@Args('code') code: string): Promise<Province> {
    return this.geography.getProvince(code);
  }

  @ResolveField(() => CommuneConnection)
  async communes(
    @Parent() province: Province,
    @Args() page: PageArgs,
    @Args('kind', { type: () => CommuneKind, nullable: true }) kind?: CommuneKind,
  ) {
    return toConnection(await this.geography.listCommunes(province.code, { search: page.search, kind }, page));
  }

  @ResolveField(() => Int, { description: 'Communes in the province (batched)' })
  communeCount(@Parent() province: Province, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.geography.communeCount.load(province.code);
  }
}

@Resolver(() => CommuneModel)
export class CommuneResolver {
  constructor(private readonly geography: GeographyService) {}

  @Query(() => CommuneConnection, { description: 'Communes of a province, with search and kind filter' })
  async communes(
    @Args('provinceCode') provinceCode: string,
    @Args() page: PageArgs,
    @Args('kind', { type: () => CommuneKind, nullable: true }) kind?: CommuneKind,
  ) {
    return toConnection(await this.geography.listCommunes(provinceCode, { search: page.search, kind }, page));
  }

  @Query(() => CommuneModel)
  commune(@Args('code') code: string): Promise<Commune> {
    return this.geography.getCommune(code);
  }

  @ResolveField(() => ProvinceModel)
  async province(@Parent() commune: Commune, @Context() ctx: GraphQLContext) {
    return ctx.loaders.geography.province.load(commune.province.code);
  }

  @ResolveField(() => VillageConnection)
  async villages(@Parent() commune: Commune, @Args() page: PageArgs) {
    return toConnection(await this.geography.listVillages(commune.code, page.search, page));
  }

  @ResolveField(() => VenueConnection)
  async venues(@Parent() commune: Commune, @Args() page: PageArgs) {
    return toConnection(await this.geography.listVenues(commune.code, page.search, page));
  }

  @ResolveField(() => Int, { description: 'Villages entered for the commune (batched)' })
  villageCount(@Parent() commune: Commune, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.geography.villageCount.load(commune.code);
  }
}

@Resolver(() => VillageModel)
export class VillageResolver {
  constructor(
    private readonly geography: GeographyService,
    private readonly places: VillagesAndVenuesService,
  ) {}

  @Query(() => VillageConnection, { description: 'Villages of a commune, by name' })
  async villages(@Args('communeCode') communeCode: string, @Args() page: PageArgs) {
    return toConnection(await this.geography.listVillages(communeCode, page.search, page));
  }

  @Query(() => VillageModel)
  village(@Args('id', { type: () => ID }) id: string): Promise<Village> {
    return this.geography.getVillage(id);
  }

  @ResolveField(() => CommuneModel)
  commune(@Parent() village: Village, @Context() ctx: GraphQLContext) {
    return ctx.loaders.geography.commune.load(village.commune.code);
  }

  @Mutation(() => VillageModel, {
    description: 'Idempotent: the same name (accents and case aside) returns the existing village',
  })
  createVillage(@Args('input') input: CreateVillageInput, @Context() ctx: GraphQLContext): Promise<Village> {
    return this.places.createVillage(ctx.actor, input);
  }

  @Mutation(() => VillageModel)
  renameVillage(
    @Args('id', { type: () => ID }) id: string,
    @Args('name') name: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Village> {
    return this.places.renameVillage(ctx.actor, id, name);
  }

  @Mutation(() => VillageModel)
  moveVillage(
    @Args('id', { type: () => ID }) id: string,
    @Args('communeCode') communeCode: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Village> {
    return this.places.moveVillage(ctx.actor, id, communeCode);
  }
}

@Resolver(() => VenueModel)
export class VenueResolver {
  constructor(
    private readonly geography: GeographyService,
    private readonly places: VillagesAndVenuesService,
  ) {}

  @Query(() => VenueConnection, { description: 'Venues in the villages of a commune, by name' })
  async venues(@Args('communeCode') communeCode: string, @Args() page: PageArgs) {
    return toConnection(await this.geography.listVenues(communeCode, page.search, page));
  }

  @Query(() => VenueModel)
  venue(@Args('id', { type: () => ID }) id: string): Promise<Venue> {
    return this.geography.getVenue(id);
  }

  @ResolveField(() => VillageModel)
  village(@Parent() venue: Venue, @Context() ctx: GraphQLContext) {
    return ctx.loaders.geography.village.load(venue.village.id);
  }

  @Mutation(() => VenueModel, {
    description: 'Idempotent: the same name in the same village returns the existing venue',
  })
  createVenue(@Args('input') input: CreateVenueInput, @Context() ctx: GraphQLContext): Promise<Venue> {
    return this.places.createVenue(ctx.actor, input);
  }

  @Mutation(() => VenueModel)
  renameVenue(
    @Args('id', { type: () => ID }) id: string,
    @Args('name') name: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Venue> {
    return this.places.renameVenue(ctx.actor, id, name);
  }

  @Mutation(() => VenueModel)
  moveVenue(
    @Args('id', { type: () => ID }) id: string,
    @Args('villageId', { type: () => ID }) villageId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Venue> {
    return this.places.moveVenue(ctx.actor, id, villageId);
  }
}
