import { ActionIcon, Button, Code, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DISQUALIFY_REASONS } from '../../../../../core/schemas/scoring.ts';
import type { Campaign } from '../../../types.ts';
import { REASON_LABELS } from '../contract-text.ts';
import { ConditionInputs } from './ConditionInputs.tsx';
import { LIST_NAMES, useEditorFormContext, type RuleListName } from './editor-form.ts';
import { newDisqualifyRule, newEngagementRule, newFitRule } from './editor-model.ts';
import { TouchFilterInputs } from './TouchFilterInputs.tsx';

const REASON_OPTIONS = DISQUALIFY_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] }));

type CardProps = { list: RuleListName; index: number; count: number; id: string; children: ReactNode };

/** One rule: its number and id, buttons to move or remove it, and its inputs in rows that wrap on narrow screens. */
function RuleCard({ list, index, count, id, children }: CardProps) {
  const form = useEditorFormContext();
  const name = `${LIST_NAMES[list].one} ${index + 1}`;
  const path = `definition.${list}`;
  const rootError = form.errors[`${path}.${index}`] ?? form.errors[`${path}.${index}.id`];
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {index + 1}. id <Code fz="xs">{id || '…'}</Code>
          </Text>
          <Group gap={2} wrap="nowrap">
            {list === 'disqualifyRules' && (
              <>
                <Tooltip label="Move up (the first matching rule gives the reason)">
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === 0} onClick={() => form.reorderListItem(path, { from: index, to: index - 1 })} aria-label={`Move ${name} up`}>
                    <IconArrowUp size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === count - 1} onClick={() => form.reorderListItem(path, { from: index, to: index + 1 })} aria-label={`Move ${name} down`}>
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Tooltip>
              </>
            )}
            <Tooltip label="Remove this rule">
              <ActionIcon variant="subtle" color="red" size="sm" onClick={() => form.removeListItem(path, index)} aria-label={`Remove ${name}`}>
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {children}
        {rootError && (
          <Text size="xs" c="red">
            {String(rootError)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      {children}
    </Group>
  );
}

function LabelInput({ path, name, placeholder }: { path: string; name: string; placeholder: string }) {
  const form = useEditorFormContext();
  return (
    <TextInput size="xs" label="Label" placeholder={placeholder} {...form.getInputProps(`${path}.label`)} aria-label={`Label of ${name}`} style={{ flex: '3 1 220px' }} />
  );
}

function PointsInput({ path, field, label, name, width = 100 }: { path: string; field: string; label: string; name: string; width?: number }) {
  const form = useEditorFormContext();
  return (
    <NumberInput size="xs" label={label} allowDecimal={false} {...form.getInputProps(`${path}.${field}`)} aria-label={`${label} of ${name}`} style={{ flex: `0 1 ${width}px` }} />
  );
}

function AddButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <Group>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

function EmptyList({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

export function FitRulesEditor({ ids }: { ids: Map<string, string> }) {
  const form = useEditorFormContext();
  const rules = form.values.definition.fitRules;
  return (
    <Stack gap="xs">
      {rules.length === 0 ? (
        <EmptyList text="No fit rules: every lead has a fit score of 0." />
      ) : (
        <Stack gap="xs" component="ol" style={listStyle}>
          {rules.map((rule, index) => {
            const path = `definition.fitRules.${index}`;
            const name = `fit rule ${index + 1}`;
            return (
              <RuleCard key={rule.key} list="fitRules" index={index} count={rules.length} id={ids.get(rule.key) ?? rule.id}>
                <Row>
                  <LabelInput path={path} name={name} placeholder="e.g. Head of purchasing" />
                  <ConditionInputs path={path} condition={rule} name={name} />
                  <PointsInput path={path} field="points" label="Points" name={name} width={90} />
                </Row>
              </RuleCard>
            );
          })}
        </Stack>
      )}
      <AddButton label="Add fit rule" onClick={() => form.insertListItem('definition.fitRules', newFitRule())} />
    </Stack>
  );
}

export function EngagementRulesEditor({ ids, campaigns }: { ids: Map<string, string>; campaigns: Campaign[] }) {
  const form = useEditorFormContext();
  const rules = form.values.definition.engagementRules;
  return (
    <Stack gap="xs">
      {rules.length === 0 ? (
        <EmptyList text="No engagement rules: every lead has an engagement score of 0." />
      ) : (
        <Stack gap="xs" component="ol" style={listStyle}>
          {rules.map((rule, index) => {
            const path = `definition.engagementRules.${index}`;
            const name = `engagement rule ${index + 1}`;
            return (
              <RuleCard key={rule.key} list="engagementRules" index={index} count={rules.length} id={ids.get(rule.key) ?? rule.id}>
                <Row>
                  <LabelInput path={path} name={name} placeholder="e.g. Downloaded the price list" />
                  <PointsInput path={path} field="pointsPerTouch" label="Points per touch" name={name} width={120} />
                  <PointsInput path={path} field="cap" label="At most" name={name} width={90} />
                </Row>
                <Row>
                  <TouchFilterInputs path={path} filter={rule} name={name} campaigns={campaigns} />
                </Row>
              </RuleCard>
            );
          })}
        </Stack>
      )}
      <AddButton label="Add engagement rule" onClick={() => form.insertListItem('definition.engagementRules', newEngagementRule())} />
    </Stack>
  );
}

export function DisqualifyRulesEditor({ ids, campaigns }: { ids: Map<string, string>; campaigns: Campaign[] }) {
  const form = useEditorFormContext();
  const rules = form.values.definition.disqualifyRules;
  return (
    <Stack gap="xs">
      {rules.length === 0 ? (
        <EmptyList text="No disqualify rules: any lead over both thresholds is an MQL." />
      ) : (
        <Stack gap="xs" component="ol" style={listStyle}>
          {rules.map((rule, index) => {
            const path = `definition.disqualifyRules.${index}`;
            const name = `disqualify rule ${index + 1}`;
            return (
              <RuleCard key={rule.key} list="disqualifyRules" index={index} count={rules.length} id={ids.get(rule.key) ?? rule.id}>
                <Row>
                  <LabelInput path={path} name={name} placeholder="e.g. Works at a reseller" />
                  <Select
                    size="xs"
                    label="Reason"
                    data={REASON_OPTIONS}
                    allowDeselect={false}
                    {...form.getInputProps(`${path}.reason`)}
                    aria-label={`Reason of ${name}`}
                    style={{ flex: '1 1 150px' }}
                  />
                  <Stack gap={2} style={{ flex: '0 0 auto' }}>
                    <Text size="xs" fw={500}>
                      Looks at
                    </Text>
                    <SegmentedControl
                      size="xs"
                      data={[
                        { value: 'field', label: 'Who they are' },
                        { value: 'touchpoint', label: 'What they did' },
                      ]}
                      value={rule.kind}
                      onChange={(kind) => form.setFieldValue(`${path}.kind`, kind as 'field' | 'touchpoint')}
                      aria-label={`What ${name} looks at`}
                    />
                  </Stack>
                </Row>
                <Row>
                  {rule.kind === 'field' ? (
                    <ConditionInputs path={path} condition={rule} name={name} />
                  ) : (
                    <TouchFilterInputs path={path} filter={rule} name={name} campaigns={campaigns} />
                  )}
                </Row>
              </RuleCard>
            );
          })}
        </Stack>
      )}
      <AddButton label="Add disqualify rule" onClick={() => form.insertListItem('definition.disqualifyRules', newDisqualifyRule())} />
    </Stack>
  );
}
