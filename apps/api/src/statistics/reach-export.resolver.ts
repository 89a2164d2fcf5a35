import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ReachExportsService, type ReachExportView, ReachUnitKind } from '@hocvuso/statistics';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { ReachExportsArgs, RequestReachExportInput } from './reach-export.input';
import { ReachExportConnection, ReachExportModel } from './reach-export.model';

export function toReachExportModel(view: ReachExportView): ReachExportModel {
  const byCode = view.unit.kind === ReachUnitKind.PROVINCE || view.unit.kind === ReachUnitKind.COMMUNE;
  return {
    id: view.id,
    status: view.status,
    progress: view.progress,
    format: view.format,
    unit: {
      kind: view.unit.kind,
      code: byCode ? view.unit.key : null,
      id: byCode ? null : view.unit.key,
      name: view.unit.name,
      provinceCode: view.unit.provinceCode,
      communeCode: view.unit.communeCode,
    },
    from: view.period.from,
    to: view.period.to,
    fileName: view.fileName,
    errorCode: view.errorCode,
    createdAt: view.createdAt,
    finishedAt: view.finishedAt,
    expiresAt: view.expiresAt,
    downloadUrl: view.download?.url ?? null,
    downloadUrlExpiresAt: view.download?.expiresAt ?? null,
  };
}

@Resolver(() => ReachExportModel)
export class ReachExportResolver {
  constructor(private readonly exports: ReachExportsService) {}

  @Mutation(() => ReachExportModel, {
    description:
      'Asks the worker for an XLSX or CSV report of a unit over a period (STATISTICS_READ on the unit); safe to retry with the same id',
  })
  async requestReachExport(
    @Args('input') input: RequestReachExportInput,
    @Context() ctx: GraphQLContext,
  ): Promise<ReachExportModel> {
    return toReachExportModel(await this.exports.request(ctx.actor, input, requestId(ctx)));
  }

  @Query(() => ReachExportModel, {
    description: 'An export, for its requester or anyone with STATISTICS_READ on its unit; downloadUrl once DONE',
  })
  async reachExport(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return toReachExportModel(await this.exports.get(ctx.actor, id));
  }

  @Query(() => ReachExportConnection, { description: 'The caller’s exports, newest first' })
  async reachExports(@Args() args: ReachExportsArgs, @Context() ctx: GraphQLContext) {
    const page = await this.exports.listMine(ctx.actor, args);
    return toConnection({ ...page, items: page.items.map(toReachExportModel) });
  }
}
