import { Alert, Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { TOUCHPOINT_TYPES } from '../../../../core/funnel/stages.ts';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../notify.ts';
import type { CreditPolicyContent, CreditPolicyVersion } from '../../types.ts';
import { TOUCHPOINT_LABELS } from '../contract/contract-text.ts';
import { useSaveVersion } from '../contract/use-co-signed.ts';
import { signerNames, VoidSignaturesConfirm } from '../contract/VoidSignaturesConfirm.tsx';
import { CREDIT_POLICY, MODEL_LABELS, SOURCING_LABELS } from './credit-policy.ts';

const FORM_FIELDS = ['name', 'rules.settlingModel', 'rules.sourcedBy', 'rules.influencedTouchTypes', 'rules.terms'];

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

type Props = { version: CreditPolicyVersion; onDirtyChange: (dirty: boolean) => void };

/** Edits a draft or proposed credit policy: its name, the settling model, the sourcing rule, the influencing touch types and the terms. */
export function PolicyEditor({ version, onDirtyChange }: Props) {
  const form = useForm<CreditPolicyContent>({ initialValues: { name: version.name, rules: version.rules } });
  const save = useSaveVersion<CreditPolicyContent>(CREDIT_POLICY, version.version);
  const [confirming, setConfirming] = useState(false);
  const signed = version.signatures.filter((s) => !s.voidedAt);
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const submit = () =>
    save.mutate(
      { ...form.getValues(), name: form.getValues().name.trim() },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          notifySuccess(
            saved.voidedSignatures.length > 0
              ? `Version ${version.version} was saved. The signatures given so far were voided: they need to sign again.`
              : `Version ${version.version} was saved.`,
          );
        },
        onError: (error) => {
          setConfirming(false);
          form.setErrors(fieldErrorsOf(error));
        },
      },
    );
  const model = MODEL_LABELS[form.values.rules.settlingModel];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (signed.length > 0) setConfirming(true);
        else submit();
      }}
    >
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          {signed.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Saving a change voids the signatures">
              Signed by {signerNames(signed)}. They signed exactly what is saved now; if you change it, they need to sign again.
            </Alert>
          )}
          <ErrorAlert error={save.error} formFields={FORM_FIELDS} />
          <TextInput label="Name" maxLength={120} withAsterisk {...form.getInputProps('name')} />
          <Select
            label="Settling model"
            description={model ? model.description : 'The model whose credit settles targets and bonuses'}
            data={entries(MODEL_LABELS).map(([value, { label }]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('rules.settlingModel')}
          />
          <Radio.Group label="A deal is sourced by" {...form.getInputProps('rules.sourcedBy')}>
            <Stack gap="xs" mt="xs">
              {entries(SOURCING_LABELS).map(([value, { label, description }]) => (
                <Radio key={value} value={value} label={label} description={description} />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox.Group
            label="Touches that count as influence"
            description="A deal is influenced by every channel and campaign with a touch of these types in the lookback window."
            {...form.getInputProps('rules.influencedTouchTypes')}
          >
            <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" mt="xs">
              {TOUCHPOINT_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={TOUCHPOINT_LABELS[type]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea label="Terms" description="What both teams agree to, in their own words" autosize minRows={3} maxLength={20_000} {...form.getInputProps('rules.terms')} />
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {dirty ? 'Unsaved changes' : 'Everything is saved'}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
                Discard
              </Button>
              <Button type="submit" disabled={!dirty} loading={save.isPending && !confirming}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
      <VoidSignaturesConfirm signatures={signed} opened={confirming} loading={save.isPending} onConfirm={submit} onClose={() => setConfirming(false)} />
    </form>
  );
}
