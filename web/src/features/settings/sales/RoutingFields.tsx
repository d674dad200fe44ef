import { ActionIcon, Button, Code, Group, MultiSelect, NumberInput, Paper, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../../../core/permissions.ts';
import type { Rep } from '../../../types.ts';
import { errorUnder, newRule, useSalesFormContext } from './sales-form.ts';

type Option = { value: string; label: string };

/** The reps to choose from, and any id still in the settings of someone who is no longer a rep. */
function repOptions(reps: readonly Rep[], chosen: readonly string[]): Option[] {
  const known = new Set(reps.map((rep) => rep.userId));
  return [
    ...reps.map((rep) => ({ value: rep.userId, label: `${rep.name} · ${ROLE_LABELS[rep.role]}${rep.away ? ' (away)' : ''}` })),
    ...chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: 'Not a rep any more' })),
  ];
}

function MatchList({ path, label, placeholder, readOnly }: { path: string; label: string; placeholder: string; readOnly: boolean }) {
  const form = useSalesFormContext();
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], form.values) as string[];
  return (
    <TagsInput
      size="xs"
      label={label}
      placeholder={readOnly ? undefined : placeholder}
      splitChars={[',']}
      clearable={!readOnly}
      readOnly={readOnly}
      value={value}
      onChange={(next) => form.setFieldValue(path, next)}
      error={errorUnder(form.errors, path)}
      style={{ flex: '1 1 180px' }}
    />
  );
}

function RuleCard({ index, count, reps, readOnly }: { index: number; count: number; reps: readonly Rep[]; readOnly: boolean }) {
  const form = useSalesFormContext();
  const path = `routing.rules.${index}`;
  const rule = form.values.routing.rules[index]!;
  const name = `rule ${index + 1}`;
  const rootError = form.errors[path] ?? form.errors[`${path}.id`] ?? form.errors[`${path}.match`];
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={`Routing ${name}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {index + 1}. id <Code fz="xs">{rule.id}</Code>
          </Text>
          {!readOnly && (
            <Group gap={2} wrap="nowrap">
              <Tooltip label="Move up (the first matching rule places the lead)">
                <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === 0} onClick={() => form.reorderListItem('routing.rules', { from: index, to: index - 1 })} aria-label={`Move ${name} up`}>
                  <IconArrowUp size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move down">
                <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === count - 1} onClick={() => form.reorderListItem('routing.rules', { from: index, to: index + 1 })} aria-label={`Move ${name} down`}>
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Remove this rule">
                <ActionIcon variant="subtle" color="red" size="sm" onClick={() => form.removeListItem('routing.rules', index)} aria-label={`Remove ${name}`}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
        <TextInput size="xs" label="Label" readOnly={readOnly} maxLength={120} {...form.getInputProps(`${path}.label`)} />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <MatchList path={`${path}.match.country`} label="Country" placeholder="e.g. DE, AT" readOnly={readOnly} />
          <MatchList path={`${path}.match.industry`} label="Industry" placeholder="e.g. Hospitals" readOnly={readOnly} />
          <MatchList path={`${path}.match.source`} label="Source" placeholder="e.g. google" readOnly={readOnly} />
          <NumberInput size="xs" label="Employees from" placeholder="any" min={0} allowDecimal={false} readOnly={readOnly} w={120} {...form.getInputProps(`${path}.match.minEmployees`)} />
          <NumberInput size="xs" label="Employees to" placeholder="any" min={0} allowDecimal={false} readOnly={readOnly} w={120} {...form.getInputProps(`${path}.match.maxEmployees`)} />
        </Group>
        <MultiSelect
          size="xs"
          label="Rep pool (in turn)"
          placeholder={readOnly ? undefined : 'Choose reps'}
          data={repOptions(reps, rule.repIds)}
          readOnly={readOnly}
          searchable
          value={rule.repIds}
          onChange={(value) => form.setFieldValue(`${path}.repIds`, value)}
          error={errorUnder(form.errors, `${path}.repIds`)}
        />
        {rootError && (
          <Text size="xs" c="red">
            {String(rootError)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Routing rules in priority order, then the fallback pool for MQLs no rule places. */
export function RoutingFields({ reps, readOnly }: { reps: readonly Rep[]; readOnly: boolean }) {
  const form = useSalesFormContext();
  const rules = form.values.routing.rules;
  const rulesError = form.errors['routing.rules'];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Rules, in order
          </Text>
          <Text size="xs" c="dimmed">
            The first rule that matches the lead and has a rep available places the MQL. Every field given must match (a list matches any of its values,
            ignoring case; empty matches anything). Reps of a pool take turns; reps who are away or at capacity are skipped.
          </Text>
        </Stack>
        {rules.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rules: every MQL goes to the fallback pool.
          </Text>
        ) : (
          <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Routing rules">
            {rules.map((rule, index) => (
              <RuleCard key={rule.key} index={index} count={rules.length} reps={reps} readOnly={readOnly} />
            ))}
          </Stack>
        )}
        {rulesError && (
          <Text size="xs" c="red">
            {String(rulesError)}
          </Text>
        )}
        {!readOnly && (
          <Button variant="default" leftSection={<IconPlus size={16} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('routing.rules', newRule(rules))}>
            Add a rule
          </Button>
        )}
        <MultiSelect
          label="Fallback pool"
          description="Reps who get, in turn, the MQLs no rule places"
          placeholder={readOnly ? undefined : 'Choose reps'}
          data={repOptions(reps, form.values.routing.fallbackRepIds)}
          readOnly={readOnly}
          searchable
          value={form.values.routing.fallbackRepIds}
          onChange={(value) => form.setFieldValue('routing.fallbackRepIds', value)}
          error={errorUnder(form.errors, 'routing.fallbackRepIds')}
        />
      </Stack>
    </Paper>
  );
}
