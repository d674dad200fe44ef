/**
 * The editor's form values and the contract they stand for. Inputs hold text and empty strings
 * while a person types; `toContent` turns them into the definition and SLA the API takes, keeping
 * every field at the same path (`definition.fitRules.2.value`), so the messages of the shared
 * validation and of the server land on the input they are about.
 */
import { TOUCHPOINT_TYPES, type TouchpointType } from '../../../../../core/funnel/stages.ts';
import {
  CUSTOM_PREFIX,
  EMAIL_DOMAIN_TYPES,
  SENIORITIES,
  type DisqualifyReason,
  type DisqualifyRule,
  type EngagementRule,
  type FitOperator,
  type FitRule,
  type LeadDefinition,
} from '../../../../../core/schemas/scoring.ts';
import { ZSlaPolicy, type SlaPolicy } from '../../../../../core/schemas/sla.ts';
import { validateDefinition } from '../../../../../core/scoring/validate.ts';
import type { ContractVersion } from '../../../types.ts';

export type NumberText = number | string;

export type EditableCondition = {
  field: string;
  operator: FitOperator;
  /** One value (equals, contains, matches, at least, at most), as typed. */
  value: string;
  /** Several values (is one of, is none of). */
  values: string[];
  /** The two ends of "between". */
  min: NumberText;
  max: NumberText;
};

export type EditableTouchFilter = {
  touchpointTypes: string[];
  urlPattern: string;
  campaignIds: string[];
  channel: string;
  withinDays: NumberText;
  minCount: NumberText;
};

/** What every rule has: `key` identifies the row on screen; a new rule's id follows its label. */
type RuleBase = { key: string; id: string; isNew: boolean; label: string };

export type EditableFitRule = RuleBase & EditableCondition & { points: NumberText };
export type EditableEngagementRule = RuleBase & EditableTouchFilter & { pointsPerTouch: NumberText; cap: NumberText };
export type EditableDisqualifyRule = RuleBase & EditableCondition & EditableTouchFilter & { kind: 'field' | 'touchpoint'; reason: DisqualifyReason };

export type EditorValues = {
  name: string;
  definition: {
    fitThreshold: NumberText;
    engagementThreshold: NumberText;
    /** Empty: touches never lose weight. */
    decayHalfLifeDays: NumberText;
    competitorDomains: string[];
    fitRules: EditableFitRule[];
    engagementRules: EditableEngagementRule[];
    disqualifyRules: EditableDisqualifyRule[];
  };
  sla: Record<keyof SlaPolicy, NumberText>;
};

/** The body of `PUT lead-contract/versions/:version`, not yet validated. */
export type ContentInput = { name: string; definition: unknown; sla: unknown };

let nextKey = 0;
export const newKey = () => `rule-${++nextKey}`;

// ---------------------------------------------------------------------------------------------
// Fields and operators

export type FieldKind = 'text' | 'number' | 'any';

export function fieldKind(field: string): FieldKind {
  if (field === 'company_size') return 'number';
  return field.startsWith(CUSTOM_PREFIX) ? 'any' : 'text';
}

/** Fields whose values come from a fixed list. */
export const ENUMERATED: Record<string, readonly string[]> = { seniority: SENIORITIES, email_domain_type: EMAIL_DOMAIN_TYPES };

const TEXT_OPERATORS: FitOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'matches', 'is_empty', 'is_not_empty'];
const NUMBER_OPERATORS: FitOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'gte', 'lte', 'between', 'is_empty', 'is_not_empty'];
const ENUM_OPERATORS: FitOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'is_empty', 'is_not_empty'];
const ALL_OPERATORS: FitOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'matches', 'gte', 'lte', 'between', 'is_empty', 'is_not_empty'];

/** The operators that make sense on a field. */
export function operatorsFor(field: string): FitOperator[] {
  if (ENUMERATED[field]) return ENUM_OPERATORS;
  const kind = fieldKind(field);
  return kind === 'number' ? NUMBER_OPERATORS : kind === 'text' ? TEXT_OPERATORS : ALL_OPERATORS;
}

export type ValueShape = 'one' | 'many' | 'range' | 'none';

export function valueShape(operator: FitOperator): ValueShape {
  if (operator === 'in' || operator === 'not_in') return 'many';
  if (operator === 'between') return 'range';
  if (operator === 'is_empty' || operator === 'is_not_empty') return 'none';
  return 'one';
}

// ---------------------------------------------------------------------------------------------
// From a saved version to form values

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

type Condition = FitRule | Extract<DisqualifyRule, { kind: 'field' }>;

function editableCondition(rule: Condition | null): EditableCondition {
  const empty: EditableCondition = { field: 'seniority', operator: 'equals', value: '', values: [], min: '', max: '' };
  if (!rule) return empty;
  const base = { ...empty, field: rule.field, operator: rule.operator };
  switch (rule.operator) {
    case 'in':
    case 'not_in':
      return { ...base, values: rule.value.map(text) };
    case 'between':
      return { ...base, min: rule.value[0], max: rule.value[1] };
    case 'is_empty':
    case 'is_not_empty':
      return base;
    default:
      return { ...base, value: text(rule.value) };
  }
}

type TouchFilter = Pick<EngagementRule, 'touchpointTypes' | 'urlPattern' | 'campaignIds' | 'channel' | 'withinDays' | 'minCount'>;

function editableTouches(rule: TouchFilter | null): EditableTouchFilter {
  return {
    touchpointTypes: rule?.touchpointTypes ? [...rule.touchpointTypes] : [],
    urlPattern: rule?.urlPattern ?? '',
    campaignIds: rule?.campaignIds ? [...rule.campaignIds] : [],
    channel: rule?.channel ?? '',
    withinDays: rule?.withinDays ?? '',
    minCount: rule?.minCount ?? '',
  };
}

const base = (rule: { id: string; label: string }) => ({ key: newKey(), id: rule.id, isNew: false, label: rule.label });

export function toEditorValues(version: Pick<ContractVersion, 'name' | 'definition' | 'sla'>): EditorValues {
  const { definition, sla } = version;
  return {
    name: version.name,
    definition: {
      fitThreshold: definition.fitThreshold,
      engagementThreshold: definition.engagementThreshold,
      decayHalfLifeDays: definition.decayHalfLifeDays ?? '',
      competitorDomains: [...definition.competitorDomains],
      fitRules: definition.fitRules.map((rule) => ({ ...base(rule), ...editableCondition(rule), points: rule.points })),
      engagementRules: definition.engagementRules.map((rule) => ({
        ...base(rule),
        ...editableTouches(rule),
        pointsPerTouch: rule.pointsPerTouch,
        cap: rule.cap,
      })),
      disqualifyRules: definition.disqualifyRules.map((rule) => ({
        ...base(rule),
        ...editableCondition(rule.kind === 'field' ? rule : null),
        ...editableTouches(rule.kind === 'touchpoint' ? rule : null),
        kind: rule.kind,
        reason: rule.reason,
      })),
    },
    sla: { ...sla },
  };
}

export function newFitRule(): EditableFitRule {
  return { key: newKey(), id: '', isNew: true, label: '', ...editableCondition(null), value: 'director', points: 10 };
}

export function newEngagementRule(): EditableEngagementRule {
  return { key: newKey(), id: '', isNew: true, label: '', ...editableTouches(null), touchpointTypes: ['page_view'], pointsPerTouch: 5, cap: 20 };
}

export function newDisqualifyRule(): EditableDisqualifyRule {
  return { key: newKey(), id: '', isNew: true, label: '', ...editableCondition(null), ...editableTouches(null), value: 'student', kind: 'field', reason: 'other' };
}

// ---------------------------------------------------------------------------------------------
// From form values to the contract

/** A number from an input: empty is absent, anything else that is not a number stays as typed (and fails validation). */
function numberOf(value: NumberText): number | string | undefined {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/** One value as the field compares it: numbers for company size; true/false and numbers for custom fields. */
function scalarOf(kind: FieldKind, typed: string): string | number | boolean | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  if (kind === 'text') return trimmed;
  const number = Number(trimmed);
  if (kind === 'number') return Number.isFinite(number) ? number : trimmed;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return Number.isFinite(number) ? number : trimmed;
}

function conditionOf(condition: EditableCondition): Record<string, unknown> {
  const { field, operator } = condition;
  const kind = fieldKind(field);
  switch (operator) {
    case 'equals':
    case 'not_equals':
      return { field, operator, value: scalarOf(kind, condition.value) };
    case 'in':
    case 'not_in':
      return { field, operator, value: condition.values.map((value) => scalarOf(kind === 'text' ? 'text' : 'number', value) ?? value) };
    case 'contains':
    case 'matches':
      return { field, operator, value: condition.value };
    case 'gte':
    case 'lte':
      return { field, operator, value: numberOf(condition.value) };
    case 'between':
      return { field, operator, value: [numberOf(condition.min), numberOf(condition.max)] };
    case 'is_empty':
    case 'is_not_empty':
      return { field, operator };
  }
}

/** Only the filters that were given: an empty input means "any". */
function touchesOf(filter: EditableTouchFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (filter.touchpointTypes.length > 0) out.touchpointTypes = filter.touchpointTypes.filter((type): type is TouchpointType => (TOUCHPOINT_TYPES as readonly string[]).includes(type));
  if (filter.urlPattern.trim()) out.urlPattern = filter.urlPattern;
  if (filter.campaignIds.length > 0) out.campaignIds = filter.campaignIds;
  if (filter.channel.trim()) out.channel = filter.channel;
  const withinDays = numberOf(filter.withinDays);
  if (withinDays !== undefined) out.withinDays = withinDays;
  const minCount = numberOf(filter.minCount);
  if (minCount !== undefined) out.minCount = minCount;
  return out;
}

/** "Visited the pricing page" → "visited-the-pricing-page", at most 40 characters. */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'rule';
}

/** Ids for the new rules, from their labels, unique among every rule of the definition. */
export function ruleIds(definition: EditorValues['definition']): Map<string, string> {
  const rules = [...definition.fitRules, ...definition.engagementRules, ...definition.disqualifyRules];
  const used = new Set(rules.filter((rule) => !rule.isNew).map((rule) => rule.id));
  const ids = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.isNew) {
      ids.set(rule.key, rule.id);
      continue;
    }
    const slug = slugOf(rule.label);
    let id = slug;
    for (let n = 2; used.has(id); n++) id = `${slug.slice(0, 40 - String(n).length - 1)}-${n}`;
    used.add(id);
    ids.set(rule.key, id);
  }
  return ids;
}

export function toContent(values: EditorValues): ContentInput {
  const { definition } = values;
  const ids = ruleIds(definition);
  const id = (rule: { key: string }) => ids.get(rule.key);
  const decay = numberOf(definition.decayHalfLifeDays);
  return {
    name: values.name.trim(),
    definition: {
      fitRules: definition.fitRules.map((rule) => ({ id: id(rule), label: rule.label, ...conditionOf(rule), points: numberOf(rule.points) })),
      engagementRules: definition.engagementRules.map((rule) => ({
        id: id(rule),
        label: rule.label,
        ...touchesOf(rule),
        pointsPerTouch: numberOf(rule.pointsPerTouch),
        cap: numberOf(rule.cap),
      })),
      disqualifyRules: definition.disqualifyRules.map((rule) => ({
        id: id(rule),
        label: rule.label,
        reason: rule.reason,
        kind: rule.kind,
        ...(rule.kind === 'field' ? conditionOf(rule) : touchesOf(rule)),
      })),
      fitThreshold: numberOf(definition.fitThreshold),
      engagementThreshold: numberOf(definition.engagementThreshold),
      decayHalfLifeDays: decay === undefined ? null : decay,
      competitorDomains: definition.competitorDomains,
    },
    sla: Object.fromEntries(Object.entries(values.sla).map(([key, value]) => [key, numberOf(value)])),
  };
}

// ---------------------------------------------------------------------------------------------
// Checking, with the same rules as the server

export type Checked = { definition: LeadDefinition | null; sla: SlaPolicy | null; errors: Record<string, string> };

/** Zod's own words for an empty or non-numeric number input, in the words of the rest of the form. */
function plainMessage(message: string): string {
  if (/expected number, received undefined/.test(message)) return 'is required';
  if (/expected number, received (string|NaN)/.test(message)) return 'must be a number';
  return message;
}

const capitalized = (message: string) => {
  const plain = plainMessage(message);
  return plain.charAt(0).toUpperCase() + plain.slice(1);
};

/** The definition and SLA when they are valid, and every problem by the path of its input. */
export function checkContent(content: ContentInput): Checked {
  const errors: Record<string, string> = {};
  const add = (field: string, message: string) => {
    if (!(field in errors)) errors[field] = capitalized(message);
  };
  if (!content.name) add('name', 'is required');
  const definition = validateDefinition(content.definition);
  if (!definition.ok) {
    for (const error of definition.errors) add(error.field === 'definition' ? 'definition' : `definition.${error.field}`, error.message);
  }
  const sla = ZSlaPolicy.safeParse(content.sla);
  if (!sla.success) for (const issue of sla.error.issues) add(['sla', ...issue.path].join('.'), issue.message);
  return { definition: definition.ok ? definition.definition : null, sla: sla.success ? sla.data : null, errors };
}
