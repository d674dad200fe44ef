import { ActionIcon, Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../notify.ts';
import type { Product, ProductKind } from '../../types.ts';
import { PRODUCT_KIND_LABELS } from '../campaigns/campaign-text.ts';
import { useCreateProduct, useUpdateProduct, type ProductInput } from './use-products.ts';

type Values = {
  sku: string;
  name: string;
  kind: ProductKind;
  onHand: number | string;
  weeklyBaseline: number | string;
  incoming: { on: string | null; quantity: number | string }[];
};

const FORM_FIELD = /^(sku|name|kind|onHand|weeklyBaseline|incoming|incoming\.\d+\.(on|quantity))$/;

function toValues(product: Product | null): Values {
  if (!product) return { sku: '', name: '', kind: 'product', onHand: 0, weeklyBaseline: 0, incoming: [] };
  return { sku: product.sku, name: product.name, kind: product.kind, onHand: product.onHand, weeklyBaseline: product.weeklyBaseline, incoming: product.incoming };
}

/** Numbers as typed; an empty field is sent as nothing, and the server says what is missing. */
function numberOf(value: number | string): number {
  return value === '' ? Number.NaN : Number(value);
}

function toInput(values: Values): ProductInput {
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    kind: values.kind,
    onHand: numberOf(values.onHand),
    weeklyBaseline: numberOf(values.weeklyBaseline),
    incoming: values.incoming.map((delivery) => ({ on: delivery.on ?? '', quantity: numberOf(delivery.quantity) })),
  };
}

/** Adds a product or promo item, or changes one: SKU, name, stock on hand, weekly baseline and the deliveries due. */
export function ProductFormModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const save = product ? update : create;
  const form = useForm<Values>({ initialValues: toValues(product) });
  const errors = fieldErrorsOf(save.error);
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    const done = {
      onSuccess: (saved: Product) => {
        notifySuccess(product ? `${saved.sku} is saved.` : `${saved.sku} is added.`);
        onClose();
      },
      onError: (error: unknown) => form.setErrors(fieldErrorsOf(error)),
    };
    if (product) update.mutate({ id: product.id, ...input }, done);
    else create.mutate(input, done);
  });
  return (
    <Modal opened onClose={onClose} title={product ? `Edit ${product.sku}` : 'Add a product'} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} formFields={Object.keys(errors).filter((field) => FORM_FIELD.test(field))} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="SKU" description="Letters, digits and . _ / -" placeholder="DET-5L" withAsterisk data-autofocus {...form.getInputProps('sku')} />
            <TextInput label="Name" placeholder="Detergent 5 L" withAsterisk {...form.getInputProps('name')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="product-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="product-kind-label"
              data={(['product', 'promo_item'] as const).map((kind) => ({ value: kind, label: PRODUCT_KIND_LABELS[kind] }))}
              w="fit-content"
              {...form.getInputProps('kind')}
            />
            <Text size="xs" c="dimmed">
              A promo item is given away with the products of a campaign (a free washing basin).
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label="Stock on hand" description="Units in the warehouse today" thousandSeparator allowDecimal={false} {...form.getInputProps('onHand')} />
            <NumberInput label="Weekly baseline" description="Units sold in an ordinary week" thousandSeparator decimalScale={2} {...form.getInputProps('weeklyBaseline')} />
          </SimpleGrid>
          <Stack gap="xs" role="group" aria-label="Incoming deliveries">
            <Text size="sm" fw={500}>
              Incoming deliveries
            </Text>
            {form.errors.incoming && (
              <Text size="xs" c="red">
                {form.errors.incoming}
              </Text>
            )}
            {form.values.incoming.map((_, index) => (
              <Group key={index} gap="sm" align="flex-start" wrap="nowrap">
                <DateInput label={`Delivery ${index + 1} day`} valueFormat="D MMM YYYY" placeholder="YYYY-MM-DD" style={{ flex: 1 }} {...form.getInputProps(`incoming.${index}.on`)} />
                <NumberInput label="Units" w={120} thousandSeparator allowDecimal={false} {...form.getInputProps(`incoming.${index}.quantity`)} />
                <ActionIcon variant="subtle" color="red" mt={26} onClick={() => form.removeListItem('incoming', index)} aria-label={`Remove delivery ${index + 1}`}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('incoming', { on: null, quantity: '' })}>
              Add a delivery
            </Button>
          </Stack>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {product ? 'Save' : 'Add product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
