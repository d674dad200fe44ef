import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf, type FieldErrors } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../notify.ts';
import type { RevenueTarget } from '../../types.ts';
import { formatPeriod } from './target-text.ts';
import { useCreateTarget, useUpdateTarget } from './use-targets.ts';

type Values = { period: string; amount: number | string; currency: string; note: string };

/** The digits after the decimal point of a currency (2 for EUR, 0 for JPY); 2 for a code the browser does not know. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The amount as typed (euros) in minor units (cents); an empty field is sent as nothing, and the server says what is missing. */
function toMinor(amount: number | string, currency: string): number {
  return amount === '' ? Number.NaN : Math.round(Number(amount) * 10 ** minorDigits(currency));
}

/** The server names the amount in minor units; the form shows it in whole units. */
function formErrors(error: unknown): FieldErrors {
  const { amountMinor, ...rest } = fieldErrorsOf(error);
  return amountMinor ? { ...rest, amount: amountMinor } : rest;
}

const FORM_FIELDS = ['period', 'amountMinor', 'currency', 'note'];

function toValues(target: RevenueTarget | null, defaultPeriod: string): Values {
  if (!target) return { period: defaultPeriod, amount: '', currency: 'EUR', note: '' };
  return { period: target.period, amount: target.amountMinor / 10 ** minorDigits(target.currency), currency: target.currency, note: target.note ?? '' };
}

type Props = { target: RevenueTarget | null; defaultPeriod: string; onClose: () => void; onSaved: (target: RevenueTarget) => void };

/** Sets the revenue target of a month or quarter, or changes one: amount, currency and a note on how it was set. */
export function TargetFormModal({ target, defaultPeriod, onClose, onSaved }: Props) {
  const create = useCreateTarget();
  const update = useUpdateTarget(target?.id ?? '');
  const save = target ? update : create;
  const form = useForm<Values>({ initialValues: toValues(target, defaultPeriod) });
  const submit = form.onSubmit((values) => {
    const body = { amountMinor: toMinor(values.amount, values.currency), currency: values.currency.trim(), note: values.note.trim() || null };
    const done = {
      onSuccess: (saved: RevenueTarget) => {
        notifySuccess(target ? `The target of ${formatPeriod(saved.period)} was changed.` : `The target of ${formatPeriod(saved.period)} is set.`);
        onSaved(saved);
      },
      onError: (error: unknown) => form.setErrors(formErrors(error)),
    };
    if (target) update.mutate(body, done);
    else create.mutate({ ...body, period: values.period.trim() }, done);
  });
  return (
    <Modal opened onClose={onClose} title={target ? `Change the target of ${formatPeriod(target.period)}` : 'Set a revenue target'} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} formFields={FORM_FIELDS} />
          {!target && (
            <TextInput
              label="Period"
              description="A month (2026-04) or a quarter (2026-Q2)"
              placeholder="2026-Q2"
              withAsterisk
              data-autofocus
              {...form.getInputProps('period')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput label="Revenue target" description="Won deals’ revenue in the period" thousandSeparator decimalScale={2} withAsterisk {...form.getInputProps('amount')} />
            <TextInput label="Currency" description="Three letters, e.g. EUR" maxLength={3} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Textarea label="Note" description="How it was set, for both teams" placeholder="Last quarter’s revenue plus 10 %" autosize minRows={2} maxLength={500} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {target ? 'Save' : 'Set target'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
