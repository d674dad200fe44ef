import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useId } from 'react';
import { BUILTIN_FIT_FIELDS, CUSTOM_PREFIX, type FitOperator } from '../../../../../core/schemas/scoring.ts';
import { FIELD_LABELS, OPERATOR_LABELS, VALUE_LABELS } from '../contract-text.ts';
import { ENUMERATED, fieldKind, operatorsFor, valueShape, type EditableCondition } from './editor-model.ts';
import { errorUnder, useEditorFormContext } from './editor-form.ts';

const CUSTOM = '__custom__';
const FIELD_OPTIONS = [
  ...BUILTIN_FIT_FIELDS.map((field) => ({ value: field, label: FIELD_LABELS[field] })),
  { value: CUSTOM, label: 'Custom field…' },
];

type Props = { path: string; condition: EditableCondition; name: string };

/** Field, operator and value of a condition on the lead or its account. */
export function ConditionInputs({ path, condition, name }: Props) {
  const form = useEditorFormContext();
  const tagsId = useId();
  const isCustom = condition.field.startsWith(CUSTOM_PREFIX);
  const operators = operatorsFor(condition.field);
  const shape = valueShape(condition.operator);
  const enumerated = ENUMERATED[condition.field];
  const kind = fieldKind(condition.field);
  const valueError = errorUnder(form.errors, `${path}.value`);
  const set = (patch: Partial<EditableCondition>) => {
    for (const [key, value] of Object.entries(patch)) form.setFieldValue(`${path}.${key}`, value as never);
  };

  const changeField = (field: string) => {
    const next = operatorsFor(field);
    const patch: Partial<EditableCondition> = { field };
    if (!next.includes(condition.operator)) patch.operator = 'equals';
    // A value from another field's list means nothing here: start the new field from its own first value, or empty.
    if (ENUMERATED[field] !== ENUMERATED[condition.field]) Object.assign(patch, { value: ENUMERATED[field]?.[0] ?? '', values: [] });
    set(patch);
  };

  const changeOperator = (operator: FitOperator) => {
    const patch: Partial<EditableCondition> = { operator };
    // Carry the value over when switching between one value and a list.
    if (valueShape(operator) === 'many' && condition.values.length === 0 && condition.value.trim()) patch.values = [condition.value.trim()];
    if (valueShape(operator) === 'one' && !condition.value && condition.values.length > 0) patch.value = condition.values[0]!;
    set(patch);
  };

  const valueOptions = enumerated?.map((value) => ({ value, label: VALUE_LABELS[value] ?? value }));
  const common = { size: 'xs' as const, style: { flex: '2 1 180px' } };
  let valueInput = null;
  if (shape === 'one') {
    valueInput = valueOptions ? (
      <Select {...common} label="Value" data={valueOptions} value={condition.value || null} onChange={(value) => set({ value: value ?? '' })} error={valueError} allowDeselect={false} aria-label={`Value of ${name}`} />
    ) : (
      <TextInput
        {...common}
        label={condition.operator === 'matches' ? 'Pattern' : 'Value'}
        placeholder={condition.operator === 'matches' ? 'e.g. (ceo|founder)' : kind === 'number' ? 'e.g. 50' : ''}
        inputMode={kind === 'number' || condition.operator === 'gte' || condition.operator === 'lte' ? 'decimal' : undefined}
        value={condition.value}
        onChange={(event) => set({ value: event.currentTarget.value })}
        error={valueError}
        aria-label={`Value of ${name}`}
      />
    );
  } else if (shape === 'many') {
    valueInput = valueOptions ? (
      <MultiSelect {...common} label="Values" data={valueOptions} value={condition.values} onChange={(values) => set({ values })} error={valueError} aria-label={`Values of ${name}`} />
    ) : (
      <TagsInput
        {...common}
        id={tagsId}
        label="Values"
        placeholder="Enter after each"
        value={condition.values}
        onChange={(values) => set({ values })}
        splitChars={[',']}
        error={valueError}
        aria-label={`Values of ${name}`}
      />
    );
  } else if (shape === 'range') {
    valueInput = (
      <Group gap={6} wrap="nowrap" align="flex-start" style={{ flex: '2 1 180px' }}>
        <NumberInput size="xs" label="From" value={condition.min} onChange={(min) => set({ min })} error={valueError} aria-label={`Lowest value of ${name}`} style={{ flex: 1 }} />
        <NumberInput size="xs" label="To" value={condition.max} onChange={(max) => set({ max })} error={valueError ? ' ' : undefined} aria-label={`Highest value of ${name}`} style={{ flex: 1 }} />
      </Group>
    );
  }

  return (
    <>
      <Select
        size="xs"
        label="Field"
        data={FIELD_OPTIONS}
        value={isCustom ? CUSTOM : condition.field}
        onChange={(value) => value && changeField(value === CUSTOM ? CUSTOM_PREFIX : value)}
        allowDeselect={false}
        error={isCustom ? undefined : form.errors[`${path}.field`]}
        aria-label={`Field of ${name}`}
        style={{ flex: '1 1 190px' }}
      />
      {isCustom && (
        <TextInput
          size="xs"
          label="Custom field key"
          placeholder="e.g. bot"
          value={condition.field.slice(CUSTOM_PREFIX.length)}
          onChange={(event) => set({ field: `${CUSTOM_PREFIX}${event.currentTarget.value.trim()}` })}
          error={form.errors[`${path}.field`]}
          aria-label={`Custom field key of ${name}`}
          style={{ flex: '1 1 130px' }}
        />
      )}
      <Select
        size="xs"
        label="Operator"
        data={operators.map((operator) => ({ value: operator, label: OPERATOR_LABELS[operator] }))}
        value={condition.operator}
        onChange={(value) => value && changeOperator(value as FitOperator)}
        allowDeselect={false}
        error={form.errors[`${path}.operator`]}
        aria-label={`Operator of ${name}`}
        style={{ flex: '1 1 140px' }}
      />
      {valueInput}
    </>
  );
}
