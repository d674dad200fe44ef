import type { z } from 'zod';
import type { LeadStage } from '../funnel/stages.ts';
import {
  ZAccountInput,
  ZDealInput,
  ZLeadInput,
  type AccountInput,
  type ActivityInput,
  type CampaignInput,
  type DealInput,
  type LeadInput,
} from '../schemas/funnel.ts';
import type { CsvRow } from './parse.ts';

/**
 * Import presets: how a row of a known CSV export (HubSpot, Salesforce, the public Olist data set)
 * becomes Accord records, each validated by its ingest contract. A row gives records or errors, never
 * both; errors name the CSV column and the value found there.
 *
 * Shared rules: cells are trimmed with inner whitespace collapsed, and a leading ' that a spreadsheet
 * export put before = + - @ is dropped. Dates without a zone are read as UTC. Numeric dates such as
 * 03/04/2024 are read day-first or month-first when one part is above 12, else in the preset's order.
 * An optional cell that is damaged (e.g. "May-20" for a stock band) is left out; a required one is an error.
 */

export type ImportRecord =
  | { kind: 'account'; input: AccountInput }
  | { kind: 'campaign'; input: CampaignInput }
  | { kind: 'lead'; input: LeadInput }
  | { kind: 'deal'; input: DealInput }
  | { kind: 'activity'; input: ActivityInput };
export type RecordKind = ImportRecord['kind'];

export type RowError = { line: number; field: string; message: string; value?: string };
export type MappedRow = { line: number; records: ImportRecord[] } | { line: number; errors: RowError[] };

export const PRESET_NAMES = ['hubspot-contacts', 'salesforce-leads', 'olist-mql', 'olist-deals'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export type ImportPreset = {
  name: PresetName;
  label: string;
  description: string;
  requiredColumns: string[];
  /**
   * The kinds whose externalId must be unique within a file, with the column it comes from: a later
   * row repeating one is an error. Records of other kinds (an account named by a contact's company)
   * are shared references: the first one is kept, repeats are dropped.
   */
  uniqueBy: Partial<Record<RecordKind, string>>;
  mapRow: (row: Record<string, string>, line: number, now: Date) => MappedRow;
};

/** A record with the file line it came from, so a later step can still point at the row. */
export type LocatedRecord = ImportRecord & { line: number };
export type ImportResult = { records: LocatedRecord[]; errors: RowError[]; rowCount: number };

// ---------------------------------------------------------------------------------------------
// Cell helpers shared by every preset

type DateOrder = 'dmy' | 'mdy';

const FORMULA_ESCAPE = /^'(?=[=+\-@])/;

/** A cell's text, trimmed with inner whitespace collapsed and a formula-escape quote dropped; null when empty. */
export function cleanText(raw: string | undefined): string | null {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim().replace(FORMULA_ESCAPE, '');
  return text === '' ? null : text;
}

/** A code compared loosely: "Marketing Qualified Lead", "MARKETING_QUALIFIED_LEAD" and "marketingqualifiedlead" are one. */
function codeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A code as snake_case, e.g. "Organic Search" or "ORGANIC_SEARCH" → "organic_search". */
function snakeCase(text: string | null): string | null {
  return text && text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export type CodeTable<T> = { expected: string; values: Map<string, T> };

/** A lookup from the codes a vendor writes (in any case or spacing) to Accord values. */
export function codeTable<T>(entries: Record<string, T>): CodeTable<T> {
  return {
    expected: Object.keys(entries).join(', '),
    values: new Map(Object.entries(entries).map(([code, value]) => [codeKey(code), value])),
  };
}

/** The Accord value of a vendor code, or null when the text is empty or not in the table. */
function lookup<T>(table: CodeTable<T>, text: string | null): T | null {
  return text === null ? null : (table.values.get(codeKey(text)) ?? null);
}

/** Drops the empty entries of a custom-fields object. */
function compact(fields: Record<string, string | number | boolean | null>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | number | boolean] => entry[1] !== null));
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

type DateParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; millis: number };

/** Minutes east of UTC of "Z", "+02:00", "-0300"; 0 when there is no zone. */
function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** 1-12 with AM/PM, or 0-23 without, as 0-23; NaN when out of range. */
function hour24(hour: string | undefined, meridiem: string | undefined): number {
  const h = Number(hour ?? 0);
  if (!meridiem) return h;
  if (h < 1 || h > 12) return Number.NaN;
  return (h % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
}

/** [day, month] of a numeric date a/b: the part above 12 must be the day; otherwise `order` decides. */
function dayAndMonth(a: number, b: number, order: DateOrder): [number, number] {
  if (a > 12) return [a, b];
  if (b > 12) return [b, a];
  return order === 'dmy' ? [a, b] : [b, a];
}

/** The instant as an ISO 8601 UTC string, or null when a part is out of range (31 April, 25:00). */
function toIso(parts: DateParts, offsetMinutes: number): string | null {
  const { year, month, day, hour, minute, second, millis } = parts;
  const midnight = Date.UTC(year, month - 1, day);
  const valid =
    month >= 1 && month <= 12 && new Date(midnight).getUTCDate() === day && hour >= 0 && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return null;
  return new Date(midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis).toISOString();
}

/** Reads 2024-03-14, 2024-03-14 10:12:33, ISO 8601 with a zone, 14-03-2024, 3/14/2024 10:12 AM, 14.03.2024 as UTC. */
export function parseDateTime(text: string, order: DateOrder): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, millis, zone] = iso;
    const parts = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0), millis: Number((millis ?? '0').padEnd(3, '0')) };
    return toIso(parts, zoneOffsetMinutes(zone));
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [, a, , b, year, hour, minute, second, meridiem] = numeric;
    const [day, month] = dayAndMonth(Number(a), Number(b), order);
    const parts = { year: Number(year), month, day, hour: hour24(hour, meridiem), minute: Number(minute ?? 0), second: Number(second ?? 0), millis: 0 };
    return toIso(parts, 0);
  }
  return null;
}

const DATE_EXAMPLES: Record<DateOrder, string> = {
  dmy: '2024-03-14, 14-03-2024 or 14/03/2024 10:12',
  mdy: '2024-03-14, 3/14/2024 or 3/14/2024 10:12 AM',
};

const FLAGS = codeTable({ true: true, yes: true, 1: true, false: false, no: false, 0: false });

export type ColumnMap<T> = Partial<Record<keyof T & string, string>>;

/** Reads the cells of one row for a preset and collects its errors, each naming the column. */
export class RowReader {
  private readonly errors: RowError[] = [];
  private readonly row: Record<string, string>;
  private readonly line: number;
  private readonly now: Date;

  constructor(row: Record<string, string>, line: number, now: Date) {
    this.row = row;
    this.line = line;
    this.now = now;
  }

  /** Records an error on a column, with the value found there; the same message twice is kept once. */
  private fail(field: string, message: string): void {
    if (this.errors.some((e) => e.field === field && e.message === message)) return;
    const value = this.row[field];
    this.errors.push(value === undefined ? { line: this.line, field, message } : { line: this.line, field, message, value });
  }

  /** The cleaned text of a cell, or null when it is empty or absent. */
  text(column: string): string | null {
    return cleanText(this.row[column]);
  }

  /** The cleaned text of a cell that must not be empty. */
  required(column: string): string {
    const text = this.text(column);
    if (text === null) this.fail(column, 'is required');
    return text ?? '';
  }

  /** A code from a vendor's list mapped to an Accord value; null when empty, an error when unknown. */
  code<T>(column: string, table: CodeTable<T>): T | null {
    const text = this.text(column);
    const value = lookup(table, text);
    if (text !== null && value === null) this.fail(column, `is not one of: ${table.expected}`);
    return value;
  }

  /** A date or date-time as ISO 8601 UTC; null when empty; an error when unreadable or after `now`. */
  dateTime(column: string, order: DateOrder, required = false): string | null {
    const text = this.text(column);
    if (text === null) {
      if (required) this.fail(column, 'is required');
      return null;
    }
    const iso = parseDateTime(text, order);
    if (iso === null) this.fail(column, `must be a date such as ${DATE_EXAMPLES[order]}`);
    else if (Date.parse(iso) > this.now.getTime()) this.fail(column, 'must not be in the future');
    else return iso;
    return null;
  }

  /** A money amount in minor units (cents): 0 when empty, an error when not a number or negative. */
  minorUnits(column: string): number {
    const text = this.text(column);
    if (text === null) return 0;
    const amount = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(amount)) this.fail(column, 'must be a number such as 1500 or 1500.50');
    else if (amount < 0) this.fail(column, 'must not be negative');
    else return Math.round(Number((amount * 100).toFixed(2)));
    return 0;
  }

  /** A whole number ≥ 0 from an optional cell; null when empty or damaged. */
  count(column: string): number | null {
    const text = this.text(column);
    return text !== null && /^\d+$/.test(text) ? Number(text) : null;
  }

  /** TRUE/FALSE (or yes/no, 1/0) from an optional cell; null when empty or damaged. */
  flag(column: string): boolean | null {
    return lookup(FLAGS, this.text(column));
  }

  /** Validates a record with its zod contract; each issue becomes an error on the column in `columns`. */
  validate<S extends z.ZodType>(schema: S, input: z.input<S>, columns: ColumnMap<z.input<S>>): z.output<S> | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const column = (columns as Record<string, string | undefined>)[String(issue.path[0])];
      if (column) this.fail(column, issue.message);
      else this.fail(issue.path.join('.'), issue.message);
    }
    return null;
  }

  /** The row's records, or its errors when there are any. */
  result(records: (ImportRecord | null)[]): MappedRow {
    if (this.errors.length > 0) return { line: this.line, errors: this.errors };
    return { line: this.line, records: records.filter((record) => record !== null) };
  }
}

// ---------------------------------------------------------------------------------------------
// Channels: one small vocabulary for every source system

type Channel = 'paid' | 'organic' | 'social' | 'email' | 'direct' | 'referral' | 'event' | 'offline' | 'outbound' | 'other';

// ---------------------------------------------------------------------------------------------
// HubSpot contacts export

/**
 * HubSpot lifecycle stage → Accord stage. Subscriber and "other" are known contacts nobody has
 * qualified yet, so 'lead'; marketing/sales qualified lead → 'mql'/'sql'; evangelist → 'customer'.
 */
const HUBSPOT_LIFECYCLE = codeTable<LeadStage>({
  subscriber: 'lead',
  lead: 'lead',
  marketingqualifiedlead: 'mql',
  salesqualifiedlead: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'customer',
  other: 'lead',
});

/** HubSpot lead statuses that move a not-yet-customer contact beside the funnel. */
const HUBSPOT_LEAD_STATUS = codeTable<LeadStage>({ UNQUALIFIED: 'disqualified', BAD_TIMING: 'nurture' });

/** HubSpot "Original Source" (internal names and UI labels) → channel; Paid Social counts as paid. */
const HUBSPOT_SOURCE_CHANNEL = codeTable<Channel>({
  ORGANIC_SEARCH: 'organic',
  PAID_SEARCH: 'paid',
  EMAIL_MARKETING: 'email',
  SOCIAL_MEDIA: 'social',
  REFERRALS: 'referral',
  AI_REFERRALS: 'referral',
  OTHER_CAMPAIGNS: 'other',
  DIRECT_TRAFFIC: 'direct',
  OFFLINE: 'offline',
  OFFLINE_SOURCES: 'offline',
  PAID_SOCIAL: 'paid',
});

const HUBSPOT_LEAD_COLUMNS: ColumnMap<z.input<typeof ZLeadInput>> = {
  externalId: 'Record ID',
  email: 'Email',
  firstName: 'First Name',
  lastName: 'Last Name',
  title: 'Job Title',
  phone: 'Phone Number',
  company: 'Company Name',
  accountExternalId: 'Company Name',
  country: 'Country/Region',
  stage: 'Lifecycle Stage',
  source: 'Original Source',
  channel: 'Original Source',
  createdAt: 'Create Date',
};
const COMPANY_ACCOUNT_COLUMNS: ColumnMap<z.input<typeof ZAccountInput>> = { externalId: 'Company Name', name: 'Company Name' };

function hubspotStage(reader: RowReader): LeadStage | null {
  const lifecycle = reader.code('Lifecycle Stage', HUBSPOT_LIFECYCLE);
  if (lifecycle === 'customer') return lifecycle;
  return lookup(HUBSPOT_LEAD_STATUS, reader.text('Lead Status')) ?? lifecycle;
}

function mapHubspotContact(row: Record<string, string>, line: number, now: Date): MappedRow {
  const reader = new RowReader(row, line, now);
  const id = reader.required('Record ID');
  const company = reader.text('Company Name');
  const accountExternalId = company && `hubspot-company:${company}`;
  const source = reader.text('Original Source');
  const account = company ? reader.validate(ZAccountInput, { externalId: accountExternalId, name: company }, COMPANY_ACCOUNT_COLUMNS) : null;
  const lead = reader.validate(
    ZLeadInput,
    {
      externalId: `hubspot:${id}`,
      email: reader.text('Email'),
      firstName: reader.text('First Name'),
      lastName: reader.text('Last Name'),
      title: reader.text('Job Title'),
      phone: reader.text('Phone Number'),
      company,
      accountExternalId,
      country: reader.text('Country/Region'),
      stage: hubspotStage(reader) ?? undefined,
      source: snakeCase(source),
      channel: lookup(HUBSPOT_SOURCE_CHANNEL, source),
      createdAt: reader.dateTime('Create Date', 'mdy'),
      custom: compact({
        lifecycle_stage: reader.text('Lifecycle Stage'),
        lead_status: reader.text('Lead Status'),
        owner: reader.text('Contact owner'),
      }),
    },
    HUBSPOT_LEAD_COLUMNS,
  );
  return reader.result([account && { kind: 'account', input: account }, lead && { kind: 'lead', input: lead }]);
}

// ---------------------------------------------------------------------------------------------
// Salesforce leads export

/** Salesforce lead status (the standard list and common custom ones) → Accord stage; a converted lead is an SQL. */
const SALESFORCE_STATUS = codeTable<LeadStage>({
  'Open - Not Contacted': 'lead',
  'Working - Contacted': 'sal',
  'Closed - Converted': 'sql',
  'Closed - Not Converted': 'disqualified',
  New: 'lead',
  Open: 'lead',
  Contacted: 'sal',
  Working: 'sal',
  Nurturing: 'nurture',
  Qualified: 'sql',
  Unqualified: 'disqualified',
});

/** Salesforce lead source → channel. "Web" says how the lead came, not from where: no channel. */
const SALESFORCE_SOURCE_CHANNEL = codeTable<Channel>({
  Advertisement: 'paid',
  Email: 'email',
  'Social Media': 'social',
  'Phone Inquiry': 'offline',
  'Partner Referral': 'referral',
  Partner: 'referral',
  'Employee Referral': 'referral',
  'External Referral': 'referral',
  'Word of mouth': 'referral',
  'Purchased List': 'outbound',
  'Trade Show': 'event',
  'Seminar - Internal': 'event',
  'Seminar - Partner': 'event',
  Webinar: 'event',
  'Public Relations': 'other',
  Other: 'other',
});

const SALESFORCE_LEAD_COLUMNS: ColumnMap<z.input<typeof ZLeadInput>> = {
  externalId: 'Lead ID',
  email: 'Email',
  firstName: 'First Name',
  lastName: 'Last Name',
  title: 'Title',
  phone: 'Phone',
  company: 'Company',
  country: 'Country',
  stage: 'Lead Status',
  source: 'Lead Source',
  channel: 'Lead Source',
  createdAt: 'Created Date',
};

function mapSalesforceLead(row: Record<string, string>, line: number, now: Date): MappedRow {
  const reader = new RowReader(row, line, now);
  const id = reader.required('Lead ID');
  const source = reader.text('Lead Source');
  const lead = reader.validate(
    ZLeadInput,
    {
      externalId: `salesforce:${id}`,
      email: reader.text('Email'),
      firstName: reader.text('First Name'),
      lastName: reader.text('Last Name'),
      title: reader.text('Title'),
      phone: reader.text('Phone'),
      company: reader.text('Company'),
      country: reader.text('Country'),
      stage: reader.code('Lead Status', SALESFORCE_STATUS) ?? undefined,
      source,
      channel: lookup(SALESFORCE_SOURCE_CHANNEL, source),
      createdAt: reader.dateTime('Created Date', 'mdy'),
      custom: compact({
        lead_status: reader.text('Lead Status'),
        industry: reader.text('Industry'),
        employees: reader.count('No. of Employees'),
        owner: reader.text('Lead Owner'),
      }),
    },
    SALESFORCE_LEAD_COLUMNS,
  );
  return reader.result([lead && { kind: 'lead', input: lead }]);
}

// ---------------------------------------------------------------------------------------------
// Olist marketing funnel data set

/** Olist lead origin → channel; display ads count as paid. "unknown" and empty are no source at all. */
const OLIST_ORIGIN_CHANNEL = codeTable<Channel>({
  paid_search: 'paid',
  organic_search: 'organic',
  social: 'social',
  email: 'email',
  direct_traffic: 'direct',
  referral: 'referral',
  display: 'paid',
  other: 'other',
  other_publicities: 'other',
});

const OLIST_LEAD_COLUMNS: ColumnMap<z.input<typeof ZLeadInput>> = {
  externalId: 'mql_id',
  createdAt: 'first_contact_date',
  source: 'origin',
  channel: 'origin',
};

function mapOlistMql(row: Record<string, string>, line: number, now: Date): MappedRow {
  const reader = new RowReader(row, line, now);
  const id = reader.required('mql_id');
  const origin = reader.text('origin');
  const source = origin === null || codeKey(origin) === 'unknown' ? null : origin;
  const lead = reader.validate(
    ZLeadInput,
    {
      externalId: `olist:${id}`,
      stage: 'mql',
      source,
      channel: lookup(OLIST_ORIGIN_CHANNEL, source),
      createdAt: reader.dateTime('first_contact_date', 'dmy', true),
      custom: compact({ landing_page_id: reader.text('landing_page_id') }),
    },
    OLIST_LEAD_COLUMNS,
  );
  return reader.result([lead && { kind: 'lead', input: lead }]);
}

/** A stock band as Olist wrote it ("5-20", "200+", "unknown"); spreadsheet-damaged cells such as "May-20" do not match. */
const STOCK_BAND = /^(\d+-\d+|\d+\+|unknown)$/;

/** The seller profile columns of a closed deal, kept on the account; damaged cells are left out. */
function olistSellerDetails(reader: RowReader): Record<string, string | number | boolean> {
  const stock = reader.text('average_stock');
  return compact({
    sdr_id: reader.text('sdr_id'),
    sr_id: reader.text('sr_id'),
    lead_type: reader.text('lead_type'),
    lead_behaviour_profile: reader.text('lead_behaviour_profile'),
    business_type: reader.text('business_type'),
    has_company: reader.flag('has_company'),
    has_gtin: reader.flag('has_gtin'),
    average_stock: stock !== null && STOCK_BAND.test(stock) ? stock : null,
    declared_product_catalog_size: reader.count('declared_product_catalog_size'),
  });
}

const OLIST_ACCOUNT_COLUMNS: ColumnMap<z.input<typeof ZAccountInput>> = {
  externalId: 'seller_id',
  name: 'seller_id',
  industry: 'business_segment',
};
const OLIST_DEAL_COLUMNS: ColumnMap<z.input<typeof ZDealInput>> = {
  externalId: 'seller_id',
  name: 'seller_id',
  accountExternalId: 'seller_id',
  leadExternalId: 'mql_id',
  amountMinor: 'declared_monthly_revenue',
  closedAt: 'won_date',
};

function mapOlistDeal(row: Record<string, string>, line: number, now: Date): MappedRow {
  const reader = new RowReader(row, line, now);
  const mqlId = reader.required('mql_id');
  const sellerId = reader.required('seller_id');
  const name = `Seller ${sellerId.slice(0, 8)}`;
  const accountExternalId = `olist-seller:${sellerId}`;
  const account = reader.validate(
    ZAccountInput,
    { externalId: accountExternalId, name, industry: reader.text('business_segment'), custom: olistSellerDetails(reader) },
    OLIST_ACCOUNT_COLUMNS,
  );
  const deal = reader.validate(
    ZDealInput,
    {
      externalId: `olist-deal:${sellerId}`,
      name,
      accountExternalId,
      leadExternalId: `olist:${mqlId}`,
      amountMinor: reader.minorUnits('declared_monthly_revenue'),
      currency: 'BRL',
      status: 'won',
      closedAt: reader.dateTime('won_date', 'dmy', true),
    },
    OLIST_DEAL_COLUMNS,
  );
  return reader.result([account && { kind: 'account', input: account }, deal && { kind: 'deal', input: deal }]);
}

// ---------------------------------------------------------------------------------------------
// The presets, and mapping a whole file

export const PRESETS: readonly ImportPreset[] = [
  {
    name: 'hubspot-contacts',
    label: 'HubSpot contacts',
    description:
      'A HubSpot contacts export: one lead per contact (externalId hubspot:<Record ID>), lifecycle stage and original source mapped to Accord stages and channels, and one account per company name.',
    requiredColumns: ['Record ID'],
    uniqueBy: { lead: 'Record ID' },
    mapRow: mapHubspotContact,
  },
  {
    name: 'salesforce-leads',
    label: 'Salesforce leads',
    description:
      'A Salesforce lead report or export: one lead per row (externalId salesforce:<Lead ID>), lead status mapped to Accord stages; numeric dates are month-first unless the day is above 12.',
    requiredColumns: ['Lead ID'],
    uniqueBy: { lead: 'Lead ID' },
    mapRow: mapSalesforceLead,
  },
  {
    name: 'olist-mql',
    label: 'Olist marketing qualified leads',
    description: 'The Olist marketing funnel data set, MQL file: one MQL per row, created on its first contact date, channel from its origin.',
    requiredColumns: ['mql_id', 'first_contact_date', 'landing_page_id', 'origin'],
    uniqueBy: { lead: 'mql_id' },
    mapRow: mapOlistMql,
  },
  {
    name: 'olist-deals',
    label: 'Olist closed deals',
    description:
      'The Olist marketing funnel data set, closed deals file: one seller account and one won deal (in BRL, declared monthly revenue) per row, linked to its MQL.',
    requiredColumns: ['mql_id', 'seller_id', 'won_date'],
    uniqueBy: { deal: 'seller_id' },
    mapRow: mapOlistDeal,
  },
];

/** The preset of that name, or undefined. */
export function findPreset(name: string): ImportPreset | undefined {
  return PRESETS.find((preset) => preset.name === name);
}

/** One error for the whole file when the header lacks columns the preset needs. */
export function missingColumnsError(missing: string[], columns: string[]): RowError {
  const found = columns.filter((column) => column !== '').join(', ') || '(no columns)';
  const what = missing.length === 1 ? 'column' : 'columns';
  return { line: 1, field: missing.join(', '), message: `missing ${what} ${missing.join(', ')}; the file has: ${found}` };
}

/** A row's cells by column name; cells beyond the header are ignored, missing ones are empty. */
export function cellsByColumn(columns: string[], fields: string[]): Record<string, string> {
  const cells: Record<string, string> = Object.create(null);
  for (let i = 0; i < columns.length; i++) cells[columns[i]!] ??= fields[i] ?? '';
  return cells;
}

/** An error when a row has non-empty cells beyond the header (usually an unquoted delimiter in a value). */
export function extraCellsError(row: CsvRow, columnCount: number): RowError | null {
  const extra = row.fields.slice(columnCount).filter((field) => field.trim() !== '');
  if (extra.length === 0) return null;
  return { line: row.line, field: 'row', message: `has ${row.fields.length} cells but the header has ${columnCount}`, value: extra.join(', ') };
}

function recordKey(record: ImportRecord): string | null {
  return record.input.externalId ? `${record.kind}:${record.input.externalId}` : null;
}

/** Keeps a row's records unless one repeats a unique externalId seen earlier; shared references are kept once. */
function admitRecords(
  preset: ImportPreset,
  cells: Record<string, string>,
  row: { line: number; records: ImportRecord[] },
  seen: Map<string, number>,
  result: ImportResult,
): void {
  const errors: RowError[] = [];
  for (const record of row.records) {
    const key = recordKey(record);
    const firstLine = key === null ? undefined : seen.get(key);
    const column = preset.uniqueBy[record.kind];
    if (firstLine !== undefined && column !== undefined) {
      errors.push({ line: row.line, field: column, message: `duplicate of line ${firstLine}`, value: cells[column] ?? '' });
    }
  }
  if (errors.length > 0) {
    result.errors.push(...errors);
    return;
  }
  for (const record of row.records) {
    const key = recordKey(record);
    if (key !== null && seen.has(key)) continue;
    if (key !== null) seen.set(key, row.line);
    result.records.push({ ...record, line: row.line });
  }
}

/**
 * Maps parsed CSV rows with a preset: checks the header has the required columns, maps and validates
 * every row, and rejects a later row that repeats a unique externalId. `now` bounds "not in the future".
 */
export function mapRows(preset: ImportPreset, header: string[], rows: CsvRow[], now: Date): ImportResult {
  const columns = header.map((column) => column.trim());
  const result: ImportResult = { records: [], errors: [], rowCount: rows.length };
  const missing = preset.requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    result.errors.push(missingColumnsError(missing, columns));
    return result;
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const extra = extraCellsError(row, columns.length);
    const cells = cellsByColumn(columns, row.fields);
    const mapped = extra ? { line: row.line, errors: [extra] } : preset.mapRow(cells, row.line, now);
    if ('errors' in mapped) result.errors.push(...mapped.errors);
    else admitRecords(preset, cells, mapped, seen, result);
  }
  return result;
}
