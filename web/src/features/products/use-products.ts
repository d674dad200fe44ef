import { api, ApiError, apiUrl } from '../../api.ts';
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

/** A refused products file, with every problem and its line (ApiError keeps one message per field, not per line). */
export class ProductImportError extends ApiError {
  constructor(status: number, code: string, message: string, readonly rows: ProductRowError[]) {
    super(status, code, message);
  }
}

function rowErrorsOf(details: unknown): ProductRowError[] {
  if (!Array.isArray(details)) return [];
  return details.filter((item): item is ProductRowError => Boolean(item) && typeof item === 'object' && typeof item.line === 'number' && typeof item.message === 'string');
}

async function importProducts(workspaceId: string, file: File, dryRun: boolean): Promise<ProductImportResult> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/workspaces/${workspaceId}/products/import`, { dryRun: String(dryRun) }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the Accord server. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (response.ok) return body as unknown as ProductImportResult;
  const error = body?.error;
  throw new ProductImportError(response.status, error?.code ?? 'unknown', error?.message ?? `The server answered with an unexpected error (${response.status}).`, rowErrorsOf(error?.details));
}

/** Sends the products CSV as it is; a dry run checks every row and saves nothing; a file with any bad row changes nothing. */
export function useImportProducts() {
  return useWorkspaceMutation((workspaceId, { file, dryRun }: { file: File; dryRun: boolean }) => importProducts(workspaceId, file, dryRun));
}
