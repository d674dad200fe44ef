import { Anchor, Badge, Button, Group, List, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title, ActionIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { fieldErrorsOf } from '../../api.ts';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatDay, formatMoney } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import type { CampaignPlan, Member } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { OFFER_KIND_LABELS, PRODUCT_KIND_LABELS, formatNumber, formatUplift, offerSummary } from './campaign-text.ts';
import { currencyDigits } from './plan-form.ts';
import { useSaveSpendLines } from './use-campaigns.ts';

function Heading({ children }: { children: ReactNode }) {
  return (
    <Title order={3} fz="h5">
      {children}
    </Title>
  );
}

function Lines({ lines, empty }: { lines: string[]; empty: string }) {
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4}>
      {lines.map((line, index) => (
        <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}

/** Reps named in the plan, else every sales rep. */
function repsText(plan: CampaignPlan, members: Member[] | undefined): string {
  if (plan.repIds === null) return 'Every sales rep';
  const names = plan.repIds.map((id) => members?.find((member) => member.userId === id)?.name ?? 'a former member');
  return names.length === 0 ? 'Nobody' : names.join(', ');
}

/** The plan as Marketing wrote it: objective, channels, audience, dates, offer, products, messages, FAQ and assets. */
export function PlanDetails({ plan, members }: { plan: CampaignPlan; members: Member[] | undefined }) {
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <DetailGrid
          details={[
            { label: 'Type', value: plan.type },
            { label: 'Owner', value: plan.owner?.name },
            { label: 'Channels', value: plan.channels.join(', ') },
            { label: 'Announcement', value: plan.announceOn ? formatDay(plan.announceOn) : null },
            { label: 'Launch', value: plan.launchOn ? formatDay(plan.launchOn) : null },
            { label: 'Last day', value: plan.endOn ? formatDay(plan.endOn) : null },
            { label: 'Offer', value: offerSummary(plan.offer, plan.currency) },
            { label: 'Expected uplift', value: formatUplift(plan.upliftPercent) },
            { label: 'Reps briefed', value: repsText(plan, members) },
            { label: 'Audience', value: plan.audience },
            { label: 'Segments', value: plan.segments.join(', ') },
            { label: 'Objective', value: plan.objective },
          ]}
        />
        {plan.offer.kind !== 'none' && plan.offer.description && (
          <Text size="sm" mt="md" style={{ overflowWrap: 'anywhere' }}>
            <strong>{OFFER_KIND_LABELS[plan.offer.kind]}:</strong> {plan.offer.description}
          </Text>
        )}
      </Paper>

      <Stack gap="xs">
        <Heading>Products and promo items</Heading>
        {plan.products.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        ) : (
          <TableCard minWidth={520} label="Products of the campaign">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <NumTh>Uplift</NumTh>
                <NumTh>Per unit sold</NumTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.products.map((product) => (
                <Table.Tr key={product.productId}>
                  <Table.Td fw={600}>{product.sku}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{product.name}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={product.kind === 'promo_item' ? 'grape' : 'gray'} tt="none">
                      {PRODUCT_KIND_LABELS[product.kind]}
                    </Badge>
                  </Table.Td>
                  <NumTd>{product.upliftPercent === null ? (product.kind === 'promo_item' ? '—' : `${formatUplift(plan.upliftPercent)} (campaign’s)`) : formatUplift(product.upliftPercent)}</NumTd>
                  <NumTd>{product.kind === 'promo_item' ? formatNumber(product.perUnit ?? 1, 2) : '—'}</NumTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableCard>
        )}
      </Stack>

      <Stack gap="xs">
        <Heading>Key messages</Heading>
        <Lines lines={plan.keyMessages} empty="None yet." />
      </Stack>
      <Stack gap="xs">
        <Heading>Talking points</Heading>
        <Lines lines={plan.talkingPoints} empty="None yet." />
      </Stack>
      <Stack gap="xs">
        <Heading>FAQ</Heading>
        {plan.faq.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        ) : (
          plan.faq.map((entry, index) => (
            <Stack key={index} gap={2}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {entry.question}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                {entry.answer}
              </Text>
            </Stack>
          ))
        )}
      </Stack>
      <Stack gap="xs">
        <Heading>Assets</Heading>
        {plan.assets.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {plan.assets.map((asset, index) => (
              <List.Item key={index}>
                <Anchor href={asset.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {asset.title} <IconExternalLink size={12} />
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

type SpendValues = { lines: { label: string; budget: number | string; spend: number | string }[] };

function SpendModal({ plan, onClose }: { plan: CampaignPlan; onClose: () => void }) {
  const save = useSaveSpendLines(plan.id);
  const scale = 10 ** currencyDigits(plan.currency);
  const form = useForm<SpendValues>({
    initialValues: { lines: plan.spendLines.map((line) => ({ label: line.label, budget: line.budgetMinor / scale, spend: line.spendMinor / scale })) },
  });
  const minor = (value: number | string) => (value === '' ? 0 : Math.round(Number(value) * scale * 1e6) / 1e6);
  const submit = form.onSubmit((values) =>
    save.mutate(
      values.lines.map((line) => ({ label: line.label.trim(), budgetMinor: minor(line.budget), spendMinor: minor(line.spend) })),
      {
        onSuccess: () => {
          notifySuccess('Budget and spend saved.');
          onClose();
        },
        onError: (error) => {
          const errors: Record<string, string> = {};
          for (const [field, message] of Object.entries(fieldErrorsOf(error))) errors[field.replace(/(budget|spend)Minor$/, '$1')] = message;
          form.setErrors(errors);
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Budget and spend" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} formFields={Object.keys(fieldErrorsOf(save.error)).filter((field) => /^lines\.\d+\.(label|budgetMinor|spendMinor)$/.test(field))} />
          {form.values.lines.map((_, index) => (
            <Group key={index} gap="sm" align="flex-start" wrap="wrap" role="group" aria-label={`Budget line ${index + 1}`}>
              <TextInput label="Line" style={{ flex: 1, minWidth: 160 }} {...form.getInputProps(`lines.${index}.label`)} />
              <NumberInput label={`Budget (${plan.currency})`} w={140} decimalScale={4} thousandSeparator {...form.getInputProps(`lines.${index}.budget`)} />
              <NumberInput label={`Spent (${plan.currency})`} w={140} decimalScale={4} thousandSeparator {...form.getInputProps(`lines.${index}.spend`)} />
              <ActionIcon variant="subtle" color="red" mt={26} onClick={() => form.removeListItem('lines', index)} aria-label={`Remove budget line ${index + 1}`}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('lines', { label: '', budget: '', spend: '' })}>
            Add a line
          </Button>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save budget and spend
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Budget and spend lines with their totals; recorded in any status (spend is booked after launch too). */
export function SpendSection({ plan }: { plan: CampaignPlan }) {
  const { can } = useCurrentWorkspace();
  const [editing, setEditing] = useState(false);
  const money = (minor: number) => formatMoney(minor, plan.currency);
  return (
    <Stack gap="sm">
      {plan.spendLines.length === 0 ? (
        <Text size="sm" c="dimmed">
          Budget {money(plan.budgetMinor)}, spent {money(plan.spendMinor)}. No lines yet.
        </Text>
      ) : (
        <TableCard minWidth={420} label="Budget and spend lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <NumTh>Budget</NumTh>
              <NumTh>Spent</NumTh>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.spendLines.map((line, index) => (
              <Table.Tr key={index}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.label}</Table.Td>
                <NumTd>{money(line.budgetMinor)}</NumTd>
                <NumTd>{money(line.spendMinor)}</NumTd>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>Total</Table.Td>
              <NumTd>{money(plan.budgetMinor)}</NumTd>
              <NumTd c={plan.spendMinor > plan.budgetMinor ? 'red.7' : undefined}>{money(plan.spendMinor)}</NumTd>
            </Table.Tr>
          </Table.Tbody>
        </TableCard>
      )}
      {can('campaigns.edit') && (
        <Button variant="default" size="xs" w="fit-content" onClick={() => setEditing(true)}>
          Edit budget and spend
        </Button>
      )}
      {editing && <SpendModal plan={plan} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
