import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import {
  ReachExportError,
  ReachExportErrorCode,
  reachExportErrorMessages,
  ReachExportsService,
} from '@hocvuso/statistics';
import type { Request, Response } from 'express';

const STATUS: Record<ReachExportErrorCode, number> = {
  EXPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  EXPORT_ID_CONFLICT: HttpStatus.CONFLICT,
  INVALID_EXPORT_REQUEST: HttpStatus.BAD_REQUEST,
  EXPORT_LINK_INVALID: HttpStatus.FORBIDDEN,
  EXPORT_LINK_EXPIRED: HttpStatus.GONE,
  EXPORT_GONE: HttpStatus.GONE,
};

/**
 * `GET /exports/:id?expires=…&signature=…`: the file of a reach export behind a signed,
 * short-lived link (`reachExport.downloadUrl`). The link is the credential, as for a presigned
 * URL, so a browser can download without a bearer token; every download is audited.
 */
@Controller('exports')
export class ReachExportController {
  constructor(private readonly exports: ReachExportsService) {}

  @Get(':id')
  async download(
    @Param('id') id: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const file = await this.exports.download(id, expires, signature, req.id == null ? null : String(req.id));
      res
        .status(HttpStatus.OK)
        .set({
          'content-type': file.contentType,
          'content-length': String(file.content.length),
          'content-disposition': `attachment; filename="${file.fileName}"`,
          'cache-control': 'private, no-store',
        })
        .end(file.content);
    } catch (error) {
      if (!(error instanceof ReachExportError)) throw error;
      res
        .status(STATUS[error.code])
        .set('cache-control', 'no-store')
        .json({ code: error.code, message: reachExportErrorMessages[error.code] });
    }
  }
}
