import { Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { AccessError } from '@hocvuso/access';
import { CertificatesError } from '@hocvuso/certificates';
import { CoursesError } from '@hocvuso/courses';
import { GeographyError } from '@hocvuso/geography';
import { IdentityError, TokenError } from '@hocvuso/identity';
import { LiveError } from '@hocvuso/live';
import { ResidentsError } from '@hocvuso/residents';
import { ReachExportError, StatisticsError } from '@hocvuso/statistics';
import { YouthError } from '@hocvuso/youth';
import { toGraphQLError } from './graphql-errors';

/** The one place where domain errors thrown by resolvers become GraphQL errors. */
@Catch(
  AccessError,
  GeographyError,
  IdentityError,
  ResidentsError,
  TokenError,
  CertificatesError,
  CoursesError,
  YouthError,
  LiveError,
  StatisticsError,
  ReachExportError,
)
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(
    error:
      | AccessError
      | GeographyError
      | IdentityError
      | ResidentsError
      | TokenError
      | CertificatesError
      | CoursesError
      | YouthError
      | LiveError
      | StatisticsError
      | ReachExportError,
  ) {
    this.logger.warn({ code: error.code, details: error.details }, 'domain error');
    return toGraphQLError(error);
  }
}
