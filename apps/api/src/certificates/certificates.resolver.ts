import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type CertificateVerification, type CertificateView, CertificatesService } from '@hocvuso/certificates';
import { toConnection } from '../graphql/connection.model';
import { clientIp, type GraphQLContext, requestId } from '../graphql/graphql.context';
import { MyCertificatesArgs, RevokeCertificateArgs } from './certificates.input';
import {
  CertificateConnection,
  CertificateModel,
  CertificatePdfModel,
  CertificateVerificationModel,
} from './certificates.model';

@Resolver(() => CertificateModel)
export class CertificatesResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @Query(() => String, {
    description: 'Public: the Ed25519 public key (PEM) that verifies certificate QR codes offline',
  })
  certificatePublicKey(): string {
    return this.certificates.publicKeyPem;
  }

  @Query(() => CertificateVerificationModel, {
    description:
      'Public: what a verification code stands for (dashes, spaces and case do not matter); CERTIFICATE_VERIFY_PER_MINUTE lookups per client address',
  })
  verifyCertificate(@Args('code') code: string, @Context() ctx: GraphQLContext): Promise<CertificateVerification> {
    return this.certificates.verify(code, { ip: clientIp(ctx) });
  }

  @Query(() => CertificateConnection, { description: 'The signed-in resident’s certificates, newest first' })
  async myCertificates(@Args() args: MyCertificatesArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.certificates.listMine(ctx.actor, args));
  }

  @Query(() => CertificatePdfModel, {
    description: 'The printable PDF, for the holder and for whoever may read the holder’s record',
  })
  async certificatePdf(@Args('code') code: string, @Context() ctx: GraphQLContext): Promise<CertificatePdfModel> {
    const pdf = await this.certificates.pdf(ctx.actor, code);
    return { fileName: pdf.fileName, mimeType: 'application/pdf', contentBase64: pdf.content.toString('base64') };
  }

  @Mutation(() => CertificateModel, {
    description: 'Revokes a certificate (officials in scope of the holder’s village); audited; idempotent',
  })
  revokeCertificate(@Args() args: RevokeCertificateArgs, @Context() ctx: GraphQLContext): Promise<CertificateView> {
    return this.certificates.revoke(ctx.actor, args.code, args.reason, requestId(ctx));
  }
}
