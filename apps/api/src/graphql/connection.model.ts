import { type Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Where a page ends and whether another follows' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** A page of `T`: `nodes` in order, the total matching the filter, and the cursor to go on. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(name, { isAbstract: false })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => Int)
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** Maps a domain page to a GraphQL connection. */
export function toConnection<T>(page: {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}): ConnectionShape<T> {
  return {
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
