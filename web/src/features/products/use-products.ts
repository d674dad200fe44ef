import { api, ApiError, uploadFile } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { Incoming, Product, ProductImportResult, ProductKind } from '../../types.ts';
import { useWorkspaceMutation, useWorkspacePages, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

export type ProductFilter = { q?: string; kind?: ProductKind };
export type ProductInput = { sku: string; name: string; kind: ProductKind; onHand: number; weeklyBaseline: number; incoming: Incoming[] };

/** Products by SKU, a page at a time, searched by the start of the SKU or name. */
export function useProducts(filter: ProductFilter) {
  return useWorkspacePages<Product>((workspaceId) => queryKeys.products(workspaceId, filter), 'products', filter, 50);
}

/** The first 200 products (for pickers), or those whose SKU or name starts with `q`. */
export function useProductOptions(q = '') {
  const query = { q: q.trim() || undefined, limit: 200 };
  return useWorkspaceQuery<{ items: Product[] }>((workspaceId) => queryKeys.products(workspaceId, { ...query, picker: true }), 'products', { query, keepPrevious: true });
}

export function useCreateProduct() {
  return useWorkspaceMutation((workspaceId, body: ProductInput) => api<Product>(`/workspaces/${workspaceId}/products`, { method: 'POST', body }));
}

export function useUpdateProduct() {
  return useWorkspaceMutation((workspaceId, { id, ...body }: ProductInput & { id: string }) =>
    api<Product>(`/workspaces/${workspaceId}/products/${id}`, { method: 'PUT', body }),
  );
}

export type ProductRowError = { line: number; field: string; message: string; value?: string };

/** The problems of a refused products file, line by line (none for any other failure). */
export function rowErrorsOf(error: unknown): ProductRowError[] {
  const details = error instanceof ApiError && error.code === 'validation_failed' ? error.details : null;
  if (!Array.isArray(details)) return [];
  return details.filter((item): item is ProductRowError => Boolean(item) && typeof item === 'object' && typeof item.line === 'number' && typeof item.message === 'string');
}

/** Sends the products CSV as it is; a dry run checks every row and saves nothing; a file with any bad row changes nothing. */
export function useImportProducts() {
  return useWorkspaceMutation((workspaceId, { file, dryRun }: { file: File; dryRun: boolean }) =>
    uploadFile<ProductImportResult>(`/workspaces/${workspaceId}/products/import`, file, { query: { dryRun: String(dryRun) }, contentType: 'text/csv' }),
  );
}
