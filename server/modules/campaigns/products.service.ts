import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { readProductsCsv } from '../../../core/campaigns/products-csv.ts';
import { decodeCsvBytes } from '../../../core/csv/parse.ts';
import { actorUserId } from '../../../core/permissions.ts';
import type { ProductInput, ProductQuery } from '../../../core/schemas/campaigns.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Page } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { products } from './campaigns.table.ts';

export type ProductRow = typeof products.$inferSelect;
export type ProductDto = Omit<ProductRow, 'workspaceId'>;

const IMPORT_CHUNK = 1_000;

function toDto({ workspaceId: _workspaceId, ...product }: ProductRow): ProductDto {
  return product;
}

function skuCursor(sku: string): string {
  return Buffer.from(sku, 'utf8').toString('base64url');
}

function afterSku(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const sku = Buffer.from(cursor, 'base64url').toString('utf8');
  if (sku === '') throw new AppError('validation_failed', 'cursor is not a cursor this server issued', [{ field: 'cursor', message: 'is not a cursor this server issued' }]);
  return sku;
}

/** Products by SKU, with a search on the start of the SKU or the name. */
export async function listProducts(ctx: ServiceContext, query: ProductQuery): Promise<Page<ProductDto>> {
  const after = afterSku(query.cursor);
  const conditions: (SQL | undefined)[] = [eq(products.workspaceId, ctx.workspaceId), query.kind ? eq(products.kind, query.kind) : undefined, after ? gt(products.sku, after) : undefined];
  if (query.q) {
    const prefix = `${query.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(sql`lower(${products.sku}) like ${prefix}`, sql`lower(${products.name}) like ${prefix}`));
  }
  const rows = await ctx.db.select().from(products).where(and(...conditions)).orderBy(asc(products.sku)).limit(query.limit + 1);
  const last = rows.length > query.limit ? rows[query.limit - 1]! : null;
  return { items: rows.slice(0, query.limit).map(toDto), nextCursor: last ? skuCursor(last.sku) : null };
}

async function productRow(db: Db, workspaceId: string, id: string): Promise<ProductRow> {
  const [row] = await db.select().from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  if (!row) throw notFound('Product');
  return row;
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<ProductDto> {
  return toDto(await productRow(ctx.db, ctx.workspaceId, id));
}

/** The workspace's products with these SKUs, by SKU. */
export async function productsBySku(db: Db, workspaceId: string, skus: readonly string[]): Promise<Map<string, ProductRow>> {
  if (skus.length === 0) return new Map();
  const rows = await db.select().from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.sku, [...new Set(skus)])));
  return new Map(rows.map((row) => [row.sku, row]));
}

async function assertSkuFree(tx: Db, workspaceId: string, sku: string, exceptId?: string): Promise<void> {
  const holder = (await productsBySku(tx, workspaceId, [sku])).get(sku);
  if (holder && holder.id !== exceptId) throw new AppError('conflict', `A product with SKU "${sku}" exists (id ${holder.id}); change that one instead.`, [{ field: 'sku', message: 'is taken' }]);
}

function values(input: ProductInput, ctx: ServiceContext) {
  return { sku: input.sku, name: input.name, kind: input.kind, onHand: input.onHand, weeklyBaseline: input.weeklyBaseline, incoming: input.incoming, updatedAt: ctx.now, updatedBy: actorUserId(ctx.actor) };
}

export async function createProduct(ctx: ServiceContext, input: ProductInput): Promise<ProductDto> {
  return ctx.db.transaction(async (tx) => {
    await assertSkuFree(tx, ctx.workspaceId, input.sku);
    const [row] = await tx.insert(products).values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), createdAt: ctx.now, ...values(input, ctx) }).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'product.create', entityType: 'product', entityId: row!.id, after: input });
    return toDto(row!);
  });
}

/** Replaces a product's SKU, name, kind, stock on hand, baseline and incoming deliveries. */
export async function updateProduct(ctx: ServiceContext, id: string, input: ProductInput): Promise<ProductDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await productRow(tx, ctx.workspaceId, id);
    await assertSkuFree(tx, ctx.workspaceId, input.sku, id);
    const [row] = await tx.update(products).set(values(input, ctx)).where(and(eq(products.workspaceId, ctx.workspaceId), eq(products.id, id))).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'product.update', entityType: 'product', entityId: id, before: toDto(before), after: input });
    return toDto(row!);
  });
}

export type ProductImportReport = { rowCount: number; created: number; updated: number; isDryRun: boolean };

/** Inserts new SKUs and replaces known ones, a chunk per statement; returns how many of each. */
async function upsertProducts(tx: Db, ctx: ServiceContext, inputs: ProductInput[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  for (let i = 0; i < inputs.length; i += IMPORT_CHUNK) {
    const rows = inputs.slice(i, i + IMPORT_CHUNK).map((input) => ({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), createdAt: ctx.now, ...values(input, ctx) }));
    const saved = await tx
      .insert(products)
      .values(rows)
      .onConflictDoUpdate({
        target: [products.workspaceId, products.sku],
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          onHand: sql`excluded.on_hand`,
          weeklyBaseline: sql`excluded.weekly_baseline`,
          incoming: sql`excluded.incoming`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      })
      .returning({ isNew: sql<boolean>`xmax = 0` });
    created += saved.filter((row) => row.isNew).length;
  }
  return { created, updated: inputs.length - created };
}

/**
 * Imports the products CSV (see core/campaigns/products-csv.ts): every row is checked first, and
 * a file with any bad row changes nothing (400 with each row's line, column and problem).
 */
export async function importProducts(ctx: ServiceContext, bytes: Uint8Array, options: { isDryRun: boolean }): Promise<ProductImportReport> {
  const csv = readProductsCsv(decodeCsvBytes(bytes).text);
  if (csv.errors.length > 0) {
    const shown = csv.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.field} ${e.message}`).join('; ');
    throw new AppError('validation_failed', `${csv.errors.length} problem(s) in the file; nothing was imported. ${shown}`, csv.errors.slice(0, 1_000));
  }
  if (csv.rows.length === 0) throw new AppError('validation_failed', 'The file has no products.', [{ field: 'file', message: 'has no rows' }]);
  const inputs = csv.rows.map((row) => row.input);
  if (options.isDryRun) {
    const known = await productsBySku(ctx.db, ctx.workspaceId, inputs.map((input) => input.sku));
    const updated = inputs.filter((input) => known.has(input.sku)).length;
    return { rowCount: csv.rowCount, created: inputs.length - updated, updated, isDryRun: true };
  }
  return ctx.db.transaction(async (tx) => {
    const counts = await upsertProducts(tx, ctx, inputs);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'products.import', entityType: 'workspace', entityId: ctx.workspaceId, after: { rows: csv.rowCount, ...counts } });
    return { rowCount: csv.rowCount, ...counts, isDryRun: false };
  });
}
