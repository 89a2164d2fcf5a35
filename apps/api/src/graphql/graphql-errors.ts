import { Logger } from '@nestjs/common';
import { AccessError, AccessErrorCode, accessErrorMessages } from '@hocvuso/access';
import { CoursesError, CoursesErrorCode, coursesErrorMessages } from '@hocvuso/courses';
import { CertificatesError, CertificatesErrorCode, certificatesErrorMessages } from '@hocvuso/certificates';
import { GeographyError, GeographyErrorCode, geographyErrorMessages } from '@hocvuso/geography';
import {
  IdentityError,
  IdentityErrorCode,
  identityErrorMessages,
  renderMessage,
  TokenError,
  TokenErrorCode,
  tokenErrorMessages,
} from '@hocvuso/identity';
import { LiveError, LiveErrorCode, liveErrorMessages } from '@hocvuso/live';
import { ResidentsError, ResidentsErrorCode, residentsErrorMessages } from '@hocvuso/residents';
import {
  ReachExportError,
  ReachExportErrorCode,
  reachExportErrorMessages,
  StatisticsError,
  StatisticsErrorCode,
  statisticsErrorMessages,
} from '@hocvuso/statistics';
import { YouthError, YouthErrorCode, youthErrorMessages } from '@hocvuso/youth';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryLimitCode } from './query-limits.plugin';

const logger = new Logger('GraphQLErrors');

/** Codes the API adds to the domain codes. */
export enum ApiErrorCode {
  BAD_REQUEST = 'BAD_REQUEST',
  INTERNAL = 'INTERNAL',
}

const apiErrorMessages: Record<ApiErrorCode, string> = {
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  INTERNAL: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.',
};

/**
 * Every domain error class the API can meet, with its code-to-message table. The tables are
 * `Record<Code, string>`, so a new code without a Vietnamese message does not compile, and
 * `knownCodes` below lets exactly these codes through to clients.
 */
const domains = [
  { type: AccessError, codes: AccessErrorCode, messages: accessErrorMessages },
  { type: CoursesError, codes: CoursesErrorCode, messages: coursesErrorMessages },
  { type: CertificatesError, codes: CertificatesErrorCode, messages: certificatesErrorMessages },
  { type: GeographyError, codes: GeographyErrorCode, messages: geographyErrorMessages },
  { type: IdentityError, codes: IdentityErrorCode, messages: identityErrorMessages },
  { type: LiveError, codes: LiveErrorCode, messages: liveErrorMessages },
  { type: ResidentsError, codes: ResidentsErrorCode, messages: residentsErrorMessages },
  { type: TokenError, codes: TokenErrorCode, messages: tokenErrorMessages },
  { type: YouthError, codes: YouthErrorCode, messages: youthErrorMessages },
  { type: StatisticsError, codes: StatisticsErrorCode, messages: statisticsErrorMessages },
  { type: ReachExportError, codes: ReachExportErrorCode, messages: reachExportErrorMessages },
] as const;

type DomainError = InstanceType<(typeof domains)[number]['type']>;

const knownCodes = new Set<string>([
  ...domains.flatMap((domain) => Object.values(domain.codes) as string[]),
  ...Object.values(QueryLimitCode),
]);

/** HTTP status for errors raised before execution (while building the context). */
const httpStatus: Partial<Record<string, number>> = {
  [AccessErrorCode.UNAUTHENTICATED]: 401,
  [TokenErrorCode.EXPIRED]: 401,
  [TokenErrorCode.INVALID]: 401,
};

export function isDomainError(error: unknown): error is DomainError {
  return domains.some((domain) => error instanceof domain.type);
}

/** A domain error becomes a GraphQL error with its stable code and Vietnamese message. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const domain = domains.find((d) => error instanceof d.type)!;
  // Messages may name detail values ("thử lại sau {retryAfterMinutes} phút"); details hold no personal data.
  const message = renderMessage((domain.messages as Record<string, string>)[error.code], error.details);
  const status = httpStatus[error.code];
  return new GraphQLError(message, {
    extensions: { code: error.code, details: error.details, ...(status ? { http: { status } } : {}) },
  });
}

/**
 * GraphQL's coercion errors quote the value sent ("Variable "$input" got invalid value { phone:
 * "09…" }"), which may be a phone or citizen id: keep the variable, the path and value-free rules
 * only, and blank long digit runs in any other validation message.
 */
export function withoutInputValues(message: string): string {
  const variable = /^Variable "(\$\w+)" got invalid value/.exec(message);
  if (!variable) return message.replace(/\d{6,}/g, '…');
  const path = /.* at "([\w.[\]]+)"; /s.exec(message)?.[1];
  const rule =
    /(Field "\w+" of required type "[\w![\]]+" was not provided\.|Field "\w+" is not defined by type "\w+"\.)$/.exec(
      message,
    )?.[1];
  const text = [`Variable "${variable[1]}"${path ? ` at "${path}"` : ''} has an invalid value.`, rule]
    .filter(Boolean)
    .join(' ');
  return text.replace(/\d{6,}/g, '…');
}

/** Apollo's and graphql-js's codes for a request that is wrong (as opposed to a server fault). */
const apolloRequestErrors = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  // Apollo's own: CSRF prevention, malformed HTTP request, unknown operation name
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The last word on what a client sees: known codes pass, GraphQL's own validation errors pass
 * as BAD_REQUEST, anything else (a bug, SQL, a stack) becomes INTERNAL with no detail.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && knownCodes.has(code)) {
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (typeof code === 'string' && apolloRequestErrors.has(code)) {
    return {
      message: `${apiErrorMessages.BAD_REQUEST} ${withoutInputValues(formatted.message)}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ApiErrorCode.BAD_REQUEST },
    };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected GraphQL error');
  return { message: apiErrorMessages.INTERNAL, path: formatted.path, extensions: { code: ApiErrorCode.INTERNAL } };
}
