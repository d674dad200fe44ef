import { NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useId } from 'react';
import { MAX_THRESHOLD } from '../../../../../core/schemas/scoring.ts';
import { SLA_LABELS } from '../contract-text.ts';
import { errorUnder, useEditorFormContext } from './editor-form.ts';

/** The version's name, the two thresholds, decay and the competitors' domains. */
export function ThresholdFields() {
  const form = useEditorFormContext();
  const domainsId = useId();
  return (
    <Stack gap="sm">
      <TextInput label="Name of this version" description="So both teams know which one they are talking about" maxLength={120} {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <NumberInput
          label="Fit threshold"
          description="Fit points a lead needs"
          min={0}
          max={MAX_THRESHOLD}
          {...form.getInputProps('definition.fitThreshold')}
        />
        <NumberInput
          label="Engagement threshold"
          description="Engagement points a lead needs"
          min={0}
          max={MAX_THRESHOLD}
          {...form.getInputProps('definition.engagementThreshold')}
        />
        <NumberInput
          label="Decay half-life (days)"
          description="A touch counts half after this; empty: never"
          min={1}
          max={3650}
          {...form.getInputProps('definition.decayHalfLifeDays')}
        />
      </SimpleGrid>
      <TagsInput
        id={domainsId}
        label="Competitor domains"
        description="Email addresses at these domains (and their subdomains) count as “Competitor”. Enter after each."
        placeholder="e.g. rival.com"
        splitChars={[',', ' ']}
        clearable
        value={form.values.definition.competitorDomains}
        onChange={(value) => form.setFieldValue('definition.competitorDomains', value)}
        error={errorUnder(form.errors, 'definition.competitorDomains')}
      />
    </Stack>
  );
}

function SlaNumber({ field, description, decimals = false }: { field: keyof typeof SLA_LABELS; description: string; decimals?: boolean }) {
  const form = useEditorFormContext();
  return <NumberInput label={SLA_LABELS[field]} description={description} min={0} allowDecimal={decimals} {...form.getInputProps(`sla.${field}`)} />;
}

/** The service levels: what Sales owes each MQL, and what Marketing owes Sales. */
export function SlaFields() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Stack gap="sm">
        <Title order={4} fz="h6">
          Sales commits to
        </Title>
        <SlaNumber field="firstContactHours" description="Counted in working hours from the handover" decimals />
        <SimpleGrid cols={2} spacing="sm">
          <SlaNumber field="attempts" description="Calls or emails" />
          <SlaNumber field="attemptsWithinDays" description="Calendar days" />
        </SimpleGrid>
      </Stack>
      <Stack gap="sm">
        <Title order={4} fz="h6">
          Marketing commits to
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <SlaNumber field="mqlsPerMonth" description="Delivered to Sales" />
          <SlaNumber field="acceptedPercent" description="Of the MQLs Sales decided on" decimals />
        </SimpleGrid>
        <SlaNumber field="staleAfterDays" description="Then they go back to nurture" />
        <Text size="xs" c="dimmed">
          Both sides are scored against these numbers, breach by breach.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
