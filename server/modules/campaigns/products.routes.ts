import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../core/schemas/common.ts';
import { ZProductInput, ZProductQuery } from '../../../core/schemas/campaigns.ts';
import { AppError } from '../../http/errors.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { createProduct, getProduct, importProducts, listProducts, updateProduct } from './products.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZProductParams = ZWorkspaceParams.extend({ id: ZId });
const MAX_PRODUCTS_FILE_BYTES = 20 * 1024 * 1024;
const tags = ['products'];

/** The products CSV: the raw file as text/csv, like the funnel import. */
async function registerProductsUpload(scope: FastifyInstance): Promise<void> {
  for (const type of ['text/csv', 'application/octet-stream']) {
    scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_PRODUCTS_FILE_BYTES }, (_request, body, done) => done(null, body));
  }
  scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/workspaces/:workspaceId/products/import', {
    schema: {
      tags,
      summary: 'Import products from CSV (sku, name, kind, on_hand, weekly_baseline, incoming as "2026-04-01:500 2026-04-15:300"): new SKUs are added, known ones replaced; a file with any bad row changes nothing',
      params: ZWorkspaceParams,
      querystring: z.object({ dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false') }),
    },
    bodyLimit: MAX_PRODUCTS_FILE_BYTES,
    config: { access: 'stock.manage' },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('bad_request', 'Send the CSV file itself as the body, with content-type text/csv.');
    return importProducts(request.ctx, new Uint8Array(request.body), { isDryRun: request.query.dryRun === 'true' });
  });
}

/** Products and promo items with their stock, incoming deliveries and baseline demand. */
export async function registerProductRoutes(app: FastifyInstance, _deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/products';

  r.get(base, {
    schema: { tags, summary: 'Products by SKU, searchable by the start of the SKU or name', params: ZWorkspaceParams, querystring: ZProductQuery },
    config: { access: 'funnel.read' },
  }, async (request) => listProducts(request.ctx, request.query));

  r.post(base, {
    schema: { tags, summary: 'Add a product or promo item with its stock on hand, incoming deliveries and weekly baseline demand', params: ZWorkspaceParams, body: ZProductInput },
    config: { access: 'stock.manage' },
  }, async (request, reply) => reply.status(201).send(await createProduct(request.ctx, request.body)));

  r.get(`${base}/:id`, {
    schema: { tags, summary: 'One product', params: ZProductParams },
    config: { access: 'funnel.read' },
  }, async (request) => getProduct(request.ctx, request.params.id));

  r.put(`${base}/:id`, {
    schema: { tags, summary: 'Replace a product’s SKU, name, kind, stock, incoming deliveries and baseline', params: ZProductParams, body: ZProductInput },
    config: { access: 'stock.manage' },
  }, async (request) => updateProduct(request.ctx, request.params.id, request.body));

  await app.register(registerProductsUpload);
}
