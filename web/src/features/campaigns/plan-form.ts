import type { FieldErrors } from '../../api.ts';
import type { CampaignPlan, CampaignPlanInput, OfferKind } from '../../types.ts';

/**
 * The campaign editor's values and their translation to and from the API: money is typed in
 * major units (12.99) and sent in minor units (1299); empty numbers are absent; an empty list of
 * reps means every sales rep.
 */

type NumberField = number | string;

export type PlanFormValues = {
  name: string;
  type: string;
  objective: string;
  channels: string[];
  audience: string;
  segments: string[];
  announceOn: string | null;
  launchOn: string | null;
  endOn: string | null;
  offer: { kind: OfferKind; description: string; discountPercent: NumberField; price: NumberField };
  currency: string;
  upliftPercent: NumberField;
  ownerId: string | null;
  repIds: string[];
  keyMessages: string[];
  talkingPoints: string[];
  faq: { question: string; answer: string }[];
  assets: { title: string; url: string }[];
  products: { sku: string; upliftPercent: NumberField; perUnit: NumberField }[];
  spendLines: { label: string; budget: NumberField; spend: NumberField }[];
};

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function toMajor(minor: number | null, currency: string): NumberField {
  return minor === null ? '' : minor / 10 ** currencyDigits(currency);
}

/** An amount typed in major units as minor units; absent when empty. Not rounded away: a bad amount is the server's to refuse. */
function toMinor(value: NumberField, currency: string): number | undefined {
  if (value === '' || value === null) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? Math.round(number * 10 ** currencyDigits(currency) * 1e6) / 1e6 : Number.NaN;
}

function toNumber(value: NumberField): number | undefined {
  if (value === '' || value === null) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
}

function toText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function emptyPlan(ownerId: string | null): PlanFormValues {
  return {
    name: '',
    type: '',
    objective: '',
    channels: [],
    audience: '',
    segments: [],
    announceOn: null,
    launchOn: null,
    endOn: null,
    offer: { kind: 'none', description: '', discountPercent: '', price: '' },
    currency: 'EUR',
    upliftPercent: 0,
    ownerId,
    repIds: [],
    keyMessages: [],
    talkingPoints: [],
    faq: [],
    assets: [],
    products: [],
    spendLines: [],
  };
}

export function toFormValues(plan: CampaignPlan): PlanFormValues {
  return {
    name: plan.name,
    type: plan.type ?? '',
    objective: plan.objective ?? '',
    channels: plan.channels,
    audience: plan.audience ?? '',
    segments: plan.segments,
    announceOn: plan.announceOn,
    launchOn: plan.launchOn,
    endOn: plan.endOn,
    offer: {
      kind: plan.offer.kind,
      description: plan.offer.description ?? '',
      discountPercent: plan.offer.discountPercent ?? '',
      price: toMajor(plan.offer.priceMinor, plan.currency),
    },
    currency: plan.currency,
    upliftPercent: plan.upliftPercent,
    ownerId: plan.owner?.userId ?? null,
    repIds: plan.repIds ?? [],
    keyMessages: plan.keyMessages,
    talkingPoints: plan.talkingPoints,
    faq: plan.faq,
    assets: plan.assets,
    products: plan.products.map((product) => ({ sku: product.sku, upliftPercent: product.upliftPercent ?? '', perUnit: product.perUnit ?? '' })),
    spendLines: plan.spendLines.map((line) => ({ label: line.label, budget: toMajor(line.budgetMinor, plan.currency), spend: toMajor(line.spendMinor, plan.currency) })),
  };
}

export function toRequest(values: PlanFormValues): CampaignPlanInput {
  const currency = values.currency.trim().toUpperCase() || 'EUR';
  return {
    name: values.name.trim(),
    type: toText(values.type) ?? null,
    objective: toText(values.objective) ?? null,
    channels: values.channels,
    audience: toText(values.audience) ?? null,
    segments: values.segments,
    announceOn: values.announceOn,
    launchOn: values.launchOn ?? '',
    endOn: values.endOn ?? '',
    offer: {
      kind: values.offer.kind,
      description: toText(values.offer.description) ?? null,
      discountPercent: toNumber(values.offer.discountPercent) ?? null,
      priceMinor: toMinor(values.offer.price, currency) ?? null,
    },
    currency,
    upliftPercent: toNumber(values.upliftPercent) ?? 0,
    ownerId: values.ownerId,
    repIds: values.repIds.length > 0 ? values.repIds : null,
    keyMessages: values.keyMessages.map((line) => line.trim()),
    talkingPoints: values.talkingPoints.map((line) => line.trim()),
    faq: values.faq.map((entry) => ({ question: entry.question.trim(), answer: entry.answer.trim() })),
    assets: values.assets.map((asset) => ({ title: asset.title.trim(), url: asset.url.trim() })),
    products: values.products.map((product) => ({
      sku: product.sku.trim(),
      upliftPercent: toNumber(product.upliftPercent) ?? null,
      perUnit: toNumber(product.perUnit) ?? null,
    })),
    spendLines: values.spendLines.map((line) => ({ label: line.label.trim(), budgetMinor: toMinor(line.budget, currency) ?? 0, spendMinor: toMinor(line.spend, currency) ?? 0 })),
  };
}

/** The form's name of a field the server names: money fields are typed in major units under another name. */
export function formFieldOf(field: string): string {
  return field
    .replace(/^offer\.priceMinor$/, 'offer.price')
    .replace(/^spendLines\.(\d+)\.budgetMinor$/, 'spendLines.$1.budget')
    .replace(/^spendLines\.(\d+)\.spendMinor$/, 'spendLines.$1.spend')
    .replace(/^repIds\.\d+$/, 'repIds');
}

const FORM_FIELDS = [
  /^(name|type|objective|channels|audience|segments|announceOn|launchOn|endOn|currency|upliftPercent|ownerId|repIds)$/,
  /^offer\.(kind|description|discountPercent|price)$/,
  /^(channels|segments|keyMessages|talkingPoints)\.\d+$/,
  /^faq\.\d+\.(question|answer)$/,
  /^assets\.\d+\.(title|url)$/,
  /^products\.\d+\.(sku|upliftPercent|perUnit)$/,
  /^spendLines\.\d+\.(label|budget|spend)$/,
];

/** The server's field errors under the form's names, and which of them the form shows on a field. */
export function planFormErrors(fields: FieldErrors): { errors: FieldErrors; onForm: string[] } {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fields)) {
    const name = formFieldOf(field);
    if (!(name in errors)) errors[name] = message;
  }
  // Chips of a tags input have no field of their own: the message goes on the input.
  for (const list of ['channels', 'segments']) {
    const chip = Object.keys(errors).find((name) => name.startsWith(`${list}.`));
    if (chip && !errors[list]) errors[list] = errors[chip]!;
  }
  const onForm = Object.keys(fields).filter((field) => FORM_FIELDS.some((pattern) => pattern.test(formFieldOf(field))));
  return { errors, onForm };
}
