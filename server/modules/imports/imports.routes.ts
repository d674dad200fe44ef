import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { AppError } from '../../http/errors.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { IMPORT_MODES } from '../../../core/csv/import-report.ts';
import { importCsv, listPresets, readImportFile } from './imports.service.ts';

/** Uploads are the raw file: the page sends the bytes, so any encoding reaches the decoder intact. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZImportQuery = z.object({
  preset: z.string().min(1).max(50),
  mode: z.enum(IMPORT_MODES, { error: `must be one of: ${IMPORT_MODES.join(', ')}` }).default('all_or_nothing'),
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

async function registerUpload(scope: FastifyInstance, { clock }: RouteDeps): Promise<void> {
  for (const type of ['text/csv', 'application/octet-stream']) {
    scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
  }
  scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/workspaces/:workspaceId/imports', {
    schema: {
      tags: ['imports'],
      summary: 'Import a CSV file (the raw bytes as text/csv) with a preset; all-or-nothing unless mode=valid_only; dryRun=true previews',
      params: ZWorkspaceParams,
      querystring: ZImportQuery,
    },
    bodyLimit: MAX_IMPORT_BYTES,
    config: { access: 'funnel.import' },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('bad_request', 'Send the CSV file itself as the body, with content-type text/csv.');
    const file = readImportFile(new Uint8Array(request.body), request.query.preset, clock());
    return importCsv(request.ctx, file, { preset: request.query.preset, mode: request.query.mode, isDryRun: request.query.dryRun === 'true' });
  });
}

export async function registerImportRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/imports/presets', {
    schema: { tags: ['imports'], summary: 'Import presets: HubSpot, Salesforce, Olist', params: ZWorkspaceParams },
    config: { access: 'funnel.import' },
  }, async () => ({ items: listPresets() }));
  await app.register((scope) => registerUpload(scope, deps));
}
