import { Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatCount, formatDate, formatDay, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { Product, ProductKind } from '../../types.ts';
import { PRODUCT_KIND_LABELS, formatNumber } from '../campaigns/campaign-text.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { ProductFormModal } from './ProductFormModal.tsx';
import { ProductImport } from './ProductImport.tsx';
import { useProducts, type ProductFilter } from './use-products.ts';

function readFilter(params: URLSearchParams): ProductFilter {
  const q = params.get('q')?.trim() ?? '';
  const kind = params.get('kind');
  return {
    ...(q && q.length <= 100 ? { q } : {}),
    ...(kind === 'product' || kind === 'promo_item' ? { kind } : {}),
  };
}

function writeFilter(filter: ProductFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.kind) params.set('kind', filter.kind);
  return params;
}

/** Units still to arrive, and the next delivery. */
function Incoming({ product }: { product: Product }) {
  if (product.incoming.length === 0) return <>—</>;
  const total = product.incoming.reduce((sum, delivery) => sum + delivery.quantity, 0);
  const next = [...product.incoming].sort((a, b) => a.on.localeCompare(b.on))[0]!;
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm">{formatCount(total)}</Text>
      <Text size="xs" c="dimmed">
        next {formatDay(next.on)}
      </Text>
    </Stack>
  );
}

function ProductsTable({ products, onEdit }: { products: Product[]; onEdit: ((product: Product) => void) | null }) {
  const { details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={760} label="Products">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>SKU</Table.Th>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <NumTh>On hand</NumTh>
          <NumTh>Incoming</NumTh>
          <NumTh>Weekly baseline</NumTh>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {products.map((product) => (
          <Table.Tr key={product.id}>
            <Table.Td fw={600}>
              {onEdit ? (
                <Anchor component="button" type="button" fw={600} size="sm" onClick={() => onEdit(product)} aria-label={`Edit ${product.sku}`}>
                  {product.sku}
                </Anchor>
              ) : (
                product.sku
              )}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{product.name}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={product.kind === 'promo_item' ? 'grape' : 'gray'} tt="none">
                {PRODUCT_KIND_LABELS[product.kind]}
              </Badge>
            </Table.Td>
            <NumTd>{formatCount(product.onHand)}</NumTd>
            <NumTd>
              <Incoming product={product} />
            </NumTd>
            <NumTd>{formatNumber(product.weeklyBaseline, 2)}</NumTd>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {formatDate(product.updatedAt, details.timeZone)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** `/w/:slug/products`: products and promo items with their stock, deliveries and baseline demand, kept by Operations. */
export function ProductsPage() {
  useDocumentTitle('Products');
  const { can } = useCurrentWorkspace();
  const [filter, setFilter] = useUrlSettings(readFilter, writeFilter);
  const [search, setSearch] = useState(filter.q ?? '');
  const pushSearch = useDebouncedCallback((q: string) => setFilter({ ...filter, q: q.trim() || undefined }), 300);
  const products = useProducts(filter);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const canManage = can('stock.manage');
  const hasFilter = Boolean(filter.q || filter.kind);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Products"
        description="Products and promo items with their stock on hand, deliveries due and usual weekly sales: what campaign forecasts are checked against."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add product
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="SKU or name starts with…"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
            w={{ base: '100%', xs: 280 }}
          />
          <Select
            label="Kind"
            placeholder="All kinds"
            data={(['product', 'promo_item'] as const).map((kind) => ({ value: kind, label: PRODUCT_KIND_LABELS[kind] }))}
            value={filter.kind ?? null}
            onChange={(kind) => setFilter({ ...filter, kind: (kind as ProductKind | null) ?? undefined })}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
      </Paper>
      <QueryStatus query={products} label="Loading products">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <Text size="sm" c="dimmed">
                {hasFilter ? 'No product matches.' : canManage ? 'No products yet. Add them one by one, or import your stock file below.' : 'No products yet. Operations keeps them.'}
              </Text>
            );
          }
          return (
            <Stack gap="sm">
              <Group gap="xs" justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  Showing {plural(items.length, 'product')}
                  {products.hasNextPage ? ' — there are more' : ''}
                </Text>
                {products.isFetching && !products.isFetchingNextPage && <Loader size="xs" aria-label="Updating" />}
              </Group>
              <ProductsTable products={items} onEdit={canManage ? setEditing : null} />
              <LoadMore query={products} />
            </Stack>
          );
        }}
      </QueryStatus>
      {canManage && <ProductImport />}
      {editing && <ProductFormModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
