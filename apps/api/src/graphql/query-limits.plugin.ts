import type { ApolloDriverConfig } from '@nestjs/apollo';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Apollo's plugin type as @nestjs/apollo sees it (its CommonJS build, not the ESM one). */
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Page size a connection field is charged for when the query does not say `first`. */
const DEFAULT_PAGE_COST = 50;

export enum QueryLimitCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

export const queryLimitMessages: Record<QueryLimitCode, string> = {
  QUERY_TOO_DEEP: 'Truy vấn lồng quá sâu (tối đa {max} cấp).',
  QUERY_TOO_COMPLEX: 'Truy vấn quá lớn (chi phí {actual}, tối đa {max}); hãy lấy ít bản ghi hơn mỗi trang.',
};

/**
 * A list field costs its page size times what each item asks for: `communes(first: 200) {
 * villages(first: 200) { ... } }` is 40,000 rows, whatever the nesting depth says.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  if (!isConnection) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_COST;
  return 1 + first * Math.max(childComplexity, 1);
};

/** Deepest field nesting of an operation; introspection (`__schema`, `__type`) is not counted. */
export function operationDepth(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  const depthOf = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const below = selection.selectionSet ? depthOf(selection.selectionSet, seen) : 0;
        deepest = Math.max(deepest, 1 + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A fragment spread inside itself is a validation error reported elsewhere; stop here.
        if (!fragment || seen.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** The operation's cost, or null when its variables cannot be coerced (nothing will run). */
function costOf(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number | null {
  try {
    return getComplexity({ ...options, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

function limitError(code: QueryLimitCode, values: Record<string, number>): GraphQLError {
  const message = queryLimitMessages[code].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
  return new GraphQLError(message, { extensions: { code, details: values, http: { status: 400 } } });
}

/**
 * Refuses, before anything runs, operations nested deeper than `maxDepth` or costing more than
 * `maxComplexity` (every field 1, list fields their page size times their items' cost).
 */
export function queryLimitsPlugin(limits: { maxDepth: number; maxComplexity: number }): ApolloPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, operation, schema }) => {
        if (!operation) return;
        const depth = operationDepth(operation, fragmentsOf(document));
        if (depth > limits.maxDepth) {
          throw limitError(QueryLimitCode.QUERY_TOO_DEEP, { max: limits.maxDepth, actual: depth });
        }
        const complexity = costOf({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
        });
        // Variables that do not fit the operation: execution refuses them with BAD_REQUEST.
        if (complexity === null) return;
        if (complexity > limits.maxComplexity) {
          throw limitError(QueryLimitCode.QUERY_TOO_COMPLEX, { max: limits.maxComplexity, actual: complexity });
        }
      },
    }),
  };
}
