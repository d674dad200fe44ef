import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv } from './export.ts';
import { parseCsv } from './parse.ts';
import { PRESETS, cleanText, findPreset, mapRows, parseDateTime, type ImportResult, type LocatedRecord, type PresetName } from './presets.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const OLIST = new URL('../../../shared/data/olist/', import.meta.url);
const MQL_FILE = new URL('olist_marketing_qualified_leads_dataset.csv', OLIST);
const DEALS_FILE = new URL('olist_closed_deals_dataset.csv', OLIST);
const HAVE_OLIST = fs.existsSync(MQL_FILE) && fs.existsSync(DEALS_FILE);

function importText(preset: PresetName, text: string): ImportResult {
  const csv = parseCsv(text);
  return mapRows(findPreset(preset)!, csv.header, csv.rows, NOW);
}

function importFile(preset: PresetName, file: URL): ImportResult {
  return importText(preset, fs.readFileSync(file, 'utf8'));
}

const leads = (result: ImportResult) => result.records.filter((r): r is Extract<LocatedRecord, { kind: 'lead' }> => r.kind === 'lead');
const deals = (result: ImportResult) => result.records.filter((r): r is Extract<LocatedRecord, { kind: 'deal' }> => r.kind === 'deal');
const accounts = (result: ImportResult) => result.records.filter((r) => r.kind === 'account');

function countBy<T>(items: T[], key: (item: T) => string | null | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[String(key(item))] = (counts[String(key(item))] ?? 0) + 1;
  return counts;
}

describe('presets', () => {
  it('are the four named presets, found by name', () => {
    expect(PRESETS.map((p) => p.name)).toEqual(['hubspot-contacts', 'salesforce-leads', 'olist-mql', 'olist-deals']);
    expect(findPreset('olist-mql')?.label).toBe('Olist marketing qualified leads');
    expect(findPreset('pipedrive')).toBeUndefined();
  });

  it('report missing columns once, listing what the file has', () => {
    const result = importText('olist-deals', 'mql_id,first_contact_date,landing_page_id,origin\nabc,01-02-2018,x,social\n');
    expect(result).toEqual({
      records: [],
      rowCount: 1,
      errors: [
        {
          line: 1,
          field: 'seller_id, won_date',
          message: 'missing columns seller_id, won_date; the file has: mql_id, first_contact_date, landing_page_id, origin',
        },
      ],
    });
  });

  it('reject a row with more cells than the header', () => {
    const result = importText('olist-mql', 'mql_id,first_contact_date,landing_page_id,origin\na1,01-02-2018,lp,social,extra\n');
    expect(result.errors).toEqual([{ line: 2, field: 'row', message: 'has 5 cells but the header has 4', value: 'extra' }]);
  });
});

describe('shared cell rules', () => {
  it('read dates in the usual export formats as UTC', () => {
    expect(parseDateTime('2024-03-14', 'dmy')).toBe('2024-03-14T00:00:00.000Z');
    expect(parseDateTime('2024-03-14 10:12:33', 'dmy')).toBe('2024-03-14T10:12:33.000Z');
    expect(parseDateTime('2024-03-14T10:12:33.5+02:00', 'dmy')).toBe('2024-03-14T08:12:33.500Z');
    expect(parseDateTime('2024-03-14T10:12:00.000+0000', 'mdy')).toBe('2024-03-14T10:12:00.000Z');
    expect(parseDateTime('14-03-2024 10:12', 'dmy')).toBe('2024-03-14T10:12:00.000Z');
    expect(parseDateTime('14.03.2024', 'mdy')).toBe('2024-03-14T00:00:00.000Z');
    expect(parseDateTime('3/14/2024', 'dmy')).toBe('2024-03-14T00:00:00.000Z');
    expect(parseDateTime('3/14/2024, 12:05 AM', 'mdy')).toBe('2024-03-14T00:05:00.000Z');
    expect(parseDateTime('3/14/2024 12:05 PM', 'mdy')).toBe('2024-03-14T12:05:00.000Z');
  });

  it('read ambiguous numeric dates in the given order', () => {
    expect(parseDateTime('03/04/2024', 'mdy')).toBe('2024-03-04T00:00:00.000Z');
    expect(parseDateTime('03/04/2024', 'dmy')).toBe('2024-04-03T00:00:00.000Z');
  });

  it('refuse impossible dates and times', () => {
    for (const text of ['31-04-2018', '29-02-2019', '13/13/2024', '2024-00-10', '2024-03-14 24:00', '3/14/2024 13:00 PM', 'May-20', '14/03/24']) {
      expect(parseDateTime(text, 'dmy'), text).toBeNull();
    }
    expect(parseDateTime('29-02-2020', 'dmy')).toBe('2020-02-29T00:00:00.000Z');
  });

  it('clean text: trim, collapse spaces, drop the quote our CSV export puts before formulas', () => {
    expect(cleanText('  Jane \t  Doe ')).toBe('Jane Doe');
    expect(cleanText("'+49 30 1234")).toBe('+49 30 1234');
    expect(cleanText("'quoted'")).toBe("'quoted'");
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });
});

describe.skipIf(!HAVE_OLIST)('olist-mql on the real file', () => {
  const result = HAVE_OLIST ? importFile('olist-mql', MQL_FILE) : { records: [], errors: [], rowCount: 0 };
  const byId = new Map(leads(result).map((r) => [r.input.externalId, r]));

  it('imports all 8000 rows as valid MQLs', () => {
    expect(result.rowCount).toBe(8000);
    expect(result.errors).toEqual([]);
    expect(leads(result)).toHaveLength(8000);
    expect(leads(result).every((r) => r.input.stage === 'mql')).toBe(true);
  });

  it('reads dd-mm-yyyy first contact dates as midnight UTC, June 2017 to May 2018', () => {
    expect(byId.get('olist:dac32acd4db4c29c230538b72f8dd87d')).toEqual({
      kind: 'lead',
      line: 2,
      input: {
        externalId: 'olist:dac32acd4db4c29c230538b72f8dd87d',
        stage: 'mql',
        source: 'social',
        channel: 'social',
        createdAt: '2018-02-01T00:00:00.000Z',
        custom: { landing_page_id: '88740e65d5d6b056e0cda098e1ea6313' },
      },
    });
    expect(byId.get('olist:8c18d1de7f67e60dbd64e3c07d7e9d5d')?.input.createdAt).toBe('2017-10-20T00:00:00.000Z');
    expect(byId.get('olist:8a6492305a5fbcdcdd1a7f5a90764c07')).toMatchObject({ line: 8001, input: { createdAt: '2018-01-11T00:00:00.000Z' } });
    const dates = leads(result).map((r) => r.input.createdAt!).sort();
    expect([dates[0], dates.at(-1)]).toEqual(['2017-06-14T00:00:00.000Z', '2018-05-31T00:00:00.000Z']);
  });

  it('maps origins to channels, with "unknown" (1099) and empty (60) origins as no source', () => {
    expect(countBy(leads(result), (r) => r.input.channel)).toEqual({
      organic: 2296,
      paid: 1704, // paid_search 1586 + display 118
      social: 1350,
      null: 1159,
      direct: 499,
      email: 493,
      referral: 284,
      other: 215, // other 150 + other_publicities 65
    });
    expect(leads(result).filter((r) => r.input.source === null)).toHaveLength(1159);
    expect(byId.get('olist:8e952443b19bfc5d0b90e6c4eabcb8fb')).toMatchObject({ line: 61, input: { source: null, channel: null } });
    expect(byId.get('olist:2f096f9c5b7e2483fcc661e9ca9a24ec')).toMatchObject({ line: 787, input: { source: null, createdAt: '2018-05-31T00:00:00.000Z' } });
  });
});

describe.skipIf(!HAVE_OLIST)('olist-deals on the real file', () => {
  const result = HAVE_OLIST ? importFile('olist-deals', DEALS_FILE) : { records: [], errors: [], rowCount: 0 };
  const dealAt = (line: number) => deals(result).find((r) => r.line === line)!;
  const accountAt = (line: number) => accounts(result).find((r) => r.line === line)!;

  it('imports all 842 rows as one seller account and one won deal each', () => {
    expect(result.rowCount).toBe(842);
    expect(result.errors).toEqual([]);
    expect(accounts(result)).toHaveLength(842);
    expect(deals(result)).toHaveLength(842);
    expect(deals(result).every((r) => r.input.status === 'won' && r.input.currency === 'BRL' && r.input.createdAt === undefined)).toBe(true);
  });

  it('reads won dates (dd-mm-yyyy hh:mm) as UTC and links each deal to its lead and account', () => {
    expect(dealAt(2).input).toEqual({
      externalId: 'olist-deal:2c43fb513632d29b3b58df74816f1b06',
      name: 'Seller 2c43fb51',
      accountExternalId: 'olist-seller:2c43fb513632d29b3b58df74816f1b06',
      leadExternalId: 'olist:5420aad7fec3549a85876ba1c529bd84',
      amountMinor: 0,
      currency: 'BRL',
      status: 'won',
      closedAt: '2018-02-26T19:58:00.000Z',
    });
    const closed = deals(result).map((r) => r.input.closedAt!).sort();
    expect([closed[0], closed.at(-1)]).toEqual(['2017-12-05T02:00:00.000Z', '2018-11-14T18:04:00.000Z']);
  });

  it('takes declared monthly revenue as the amount: 45 deals above 0, R$ 61,784,006 in all', () => {
    expect(deals(result).filter((r) => r.input.amountMinor > 0)).toHaveLength(45);
    expect(deals(result).reduce((sum, r) => sum + r.input.amountMinor, 0)).toBe(6_178_400_600);
  });

  it('keeps the seller profile on the account and leaves out cells a spreadsheet damaged', () => {
    expect(accountAt(61)).toEqual({
      kind: 'account',
      line: 61,
      input: {
        externalId: 'olist-seller:5181ea7b0d346ed14c5c07f0ff22b2b4',
        name: 'Seller 5181ea7b',
        industry: 'toys',
        custom: {
          sdr_id: 'fdb16d3cbbeb5798f2f66c4096be026d',
          sr_id: '4ef15afb4b2723d8f3d81e51ec7afefe',
          lead_type: 'online_big',
          lead_behaviour_profile: 'cat',
          business_type: 'reseller',
          declared_product_catalog_size: 1000,
        },
      },
    });
    expect(dealAt(61).input).toMatchObject({ amountMinor: 18_000_000, closedAt: '2018-09-04T14:15:00.000Z' });
    expect(accountAt(72).input.custom).toMatchObject({ lead_behaviour_profile: 'cat, wolf', has_company: true, has_gtin: true });
    expect(accountAt(72).input.custom).not.toHaveProperty('average_stock'); // "May-20"
    // 776 empty, 22 "May-20" and 10 "01-May" damaged: 34 well-formed bands remain
    expect(accounts(result).filter((r) => r.input.custom?.['average_stock'] !== undefined)).toHaveLength(34);
    expect(accounts(result).filter((r) => r.input.industry === null)).toHaveLength(1);
  });

  it('links every deal to an imported MQL; one deal was won two days before its first contact', () => {
    const mqls = new Map(leads(importFile('olist-mql', MQL_FILE)).map((r) => [r.input.externalId, r.input]));
    expect(deals(result).every((r) => mqls.has(r.input.leadExternalId))).toBe(true);
    const early = deals(result).filter((r) => r.input.closedAt! < mqls.get(r.input.leadExternalId)!.createdAt!);
    expect(early.map((r) => [r.line, r.input.leadExternalId, r.input.closedAt])).toEqual([
      [669, 'olist:b91cf8812365f50ff4bda4bcd6206b05', '2018-03-06T19:38:00.000Z'],
    ]);
  });
});

describe('olist presets on damaged rows', () => {
  const DEALS_HEADER = 'mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue';

  it('reports damaged required values by column and value, and keeps the good rows', () => {
    const result = importText(
      'olist-deals',
      [
        DEALS_HEADER,
        'm1,s1,,,2018-02-26 19:58:00,pet,,,,,May-20,,abc,1234.565',
        'm2,,,,31-02-2018 10:00,pet,,,,,,,,-5',
        ',s3,,,26-02-2031 10:00,pet,,,,,,,,12k',
        'm4,s1,,,,pet,,,,,,,,',
      ].join('\n'),
    );
    expect(deals(result).map((r) => [r.line, r.input.amountMinor, r.input.closedAt])).toEqual([[2, 123_457, '2018-02-26T19:58:00.000Z']]);
    expect(result.errors).toEqual([
      { line: 3, field: 'seller_id', message: 'is required', value: '' },
      { line: 3, field: 'declared_monthly_revenue', message: 'must not be negative', value: '-5' },
      { line: 3, field: 'won_date', message: 'must be a date such as 2024-03-14, 14-03-2024 or 14/03/2024 10:12', value: '31-02-2018 10:00' },
      { line: 4, field: 'mql_id', message: 'is required', value: '' },
      { line: 4, field: 'declared_monthly_revenue', message: 'must be a number such as 1500 or 1500.50', value: '12k' },
      { line: 4, field: 'won_date', message: 'must not be in the future', value: '26-02-2031 10:00' },
      { line: 5, field: 'won_date', message: 'is required', value: '' },
    ]);
  });

  it('rejects a later row repeating a seller or an MQL, naming the first line', () => {
    const deals = importText('olist-deals', [DEALS_HEADER, 'm1,s1,,,01-03-2018 10:00,,,,,,,,,0', 'm2,s1,,,02-03-2018 10:00,,,,,,,,,0'].join('\n'));
    expect(deals.errors).toEqual([{ line: 3, field: 'seller_id', message: 'duplicate of line 2', value: 's1' }]);
    expect(deals.records).toHaveLength(2);

    const mqls = importText('olist-mql', 'mql_id,first_contact_date,landing_page_id,origin\na,2018-02-01,,\nb,01-02-2018,,email\na,01-02-2018,,\n');
    expect(mqls.errors).toEqual([{ line: 4, field: 'mql_id', message: 'duplicate of line 2', value: 'a' }]);
    expect(leads(mqls).map((r) => [r.input.createdAt, r.input.channel])).toEqual([
      ['2018-02-01T00:00:00.000Z', null],
      ['2018-02-01T00:00:00.000Z', 'email'],
    ]);
  });

  it('reports a damaged first contact date', () => {
    const result = importText('olist-mql', 'mql_id,first_contact_date,landing_page_id,origin\na,Feb-18,,social\nb,,,social\n');
    expect(result.errors).toEqual([
      { line: 2, field: 'first_contact_date', message: 'must be a date such as 2024-03-14, 14-03-2024 or 14/03/2024 10:12', value: 'Feb-18' },
      { line: 3, field: 'first_contact_date', message: 'is required', value: '' },
    ]);
  });
});

const HUBSPOT_HEADER = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Job Title',
  'Company Name',
  'Country/Region',
  'Lifecycle Stage',
  'Original Source',
  'Create Date',
  'Lead Status',
  'Contact owner',
];

describe('hubspot-contacts', () => {
  const result = importText(
    'hubspot-contacts',
    toCsv(HUBSPOT_HEADER, [
      ['1001', 'Ana', 'Silva', 'Ana.Silva@Acme.example', '+351 21 000 0000', 'CMO', 'Acme', 'Portugal', 'marketingqualifiedlead', 'ORGANIC_SEARCH', '2024-03-14 10:12', 'OPEN', 'Jo Sales'],
      ['1002', 'Ben', 'Okafor', 'ben@acme.example', '', 'Buyer', 'Acme', 'Nigeria', 'Sales Qualified Lead', 'Paid Social', '2024-03-15 08:00', '', ''],
      ['1003', 'Chloé', 'Martin', 'chloe@globex.example', '', '', 'Globex, Inc.', 'France', 'subscriber', 'EMAIL_MARKETING', '2024-02-01T09:30:00Z', 'UNQUALIFIED', ''],
      ['1004', 'Dan', '', 'dan@', '', '', '', '', 'lead', 'DIRECT_TRAFFIC', '', '', ''],
      ['1005', 'Eve', '', '', '', '', '', '', 'zombie', 'OFFLINE', 'yesterday', '', ''],
      ['1001', 'Ana', 'Silva', 'ana2@acme.example', '', '', 'Acme', '', 'customer', '', '', '', ''],
      ['1006', '', '', 'f@initech.example', '', '', 'Initech', '', 'customer', 'SOMETHING_NEW', '', 'UNQUALIFIED', ''],
    ]),
  );
  const lead = (id: string) => leads(result).find((r) => r.input.externalId === `hubspot:${id}`)?.input;

  it('maps contacts to leads with stage, source, channel and details', () => {
    expect(lead('1001')).toEqual({
      externalId: 'hubspot:1001',
      email: 'ana.silva@acme.example',
      firstName: 'Ana',
      lastName: 'Silva',
      title: 'CMO',
      phone: '+351 21 000 0000',
      company: 'Acme',
      accountExternalId: 'hubspot-company:Acme',
      country: 'Portugal',
      stage: 'mql',
      source: 'organic_search',
      channel: 'organic',
      createdAt: '2024-03-14T10:12:00.000Z',
      custom: { lifecycle_stage: 'marketingqualifiedlead', lead_status: 'OPEN', owner: 'Jo Sales' },
    });
    expect(lead('1002')).toMatchObject({ stage: 'sql', source: 'paid_social', channel: 'paid', phone: null });
    expect(lead('1003')).toMatchObject({ stage: 'disqualified', channel: 'email', company: 'Globex, Inc.', createdAt: '2024-02-01T09:30:00.000Z' });
    expect(lead('1006')).toMatchObject({ stage: 'customer', source: 'something_new', channel: null });
  });

  it('makes one account per company name, shared by its contacts', () => {
    expect(accounts(result).map((r) => [r.line, r.input])).toEqual([
      [2, { externalId: 'hubspot-company:Acme', name: 'Acme' }],
      [4, { externalId: 'hubspot-company:Globex, Inc.', name: 'Globex, Inc.' }],
      [8, { externalId: 'hubspot-company:Initech', name: 'Initech' }],
    ]);
  });

  it('reports bad emails, unknown lifecycle stages, unreadable dates and repeated record ids', () => {
    expect(result.errors).toEqual([
      { line: 5, field: 'Email', message: 'must be a valid email address', value: 'dan@' },
      {
        line: 6,
        field: 'Lifecycle Stage',
        message: 'is not one of: subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, evangelist, other',
        value: 'zombie',
      },
      { line: 6, field: 'Create Date', message: 'must be a date such as 2024-03-14, 3/14/2024 or 3/14/2024 10:12 AM', value: 'yesterday' },
      { line: 7, field: 'Record ID', message: 'duplicate of line 2', value: '1001' },
    ]);
    expect(result.rowCount).toBe(7);
  });
});

const SALESFORCE_HEADER = [
  'Lead ID',
  'First Name',
  'Last Name',
  'Title',
  'Company',
  'Email',
  'Phone',
  'Country',
  'Lead Source',
  'Lead Status',
  'Created Date',
  'Industry',
  'No. of Employees',
  'Lead Owner',
];

describe('salesforce-leads', () => {
  const result = importText(
    'salesforce-leads',
    toCsv(SALESFORCE_HEADER, [
      ['00Q5g00000AbCdE', 'Rose', 'Gonzalez', 'SVP, Procurement', 'Edge Communications', 'rose@edge.example', '(512) 757-6000', 'USA', 'Web', 'Open - Not Contacted', '3/14/2024', 'Electronics', '1000', 'Sam Rep'],
      ['00Q5g00000AbCdF', 'Jörg', 'Müller', '', 'Müller GmbH', 'j.mueller@mueller.example', '', 'Germany', 'Trade Show', 'Working - Contacted', '14/03/2024 10:12', '', 'n/a', ''],
      ['00Q5g00000AbCdG', 'Pat', 'Stumuller', '', 'Pyramid', '', '', '', 'Partner Referral', 'Closed - Converted', '3/4/2024 2:05 PM', '', '', ''],
      ['00Q5g00000AbCdH', 'Kim', 'Lee', '', 'Dickenson', '', '', '', 'Purchased List', 'Closed - Not Converted', '2024-03-14', '', '', ''],
      ['00Q5g00000AbCdI', 'Al', 'Bad', '', 'X', '', '', '', '', 'Waiting', '13/13/2024', '', '', ''],
      ['', 'No', 'Id', '', 'Y', '', '', '', '', '', '', '', '', ''],
    ]),
  );
  const lead = (id: string) => leads(result).find((r) => r.input.externalId === `salesforce:${id}`)?.input;

  it('maps leads with status to stage and lead source to channel', () => {
    expect(lead('00Q5g00000AbCdE')).toEqual({
      externalId: 'salesforce:00Q5g00000AbCdE',
      email: 'rose@edge.example',
      firstName: 'Rose',
      lastName: 'Gonzalez',
      title: 'SVP, Procurement',
      phone: '(512) 757-6000',
      company: 'Edge Communications',
      country: 'USA',
      stage: 'lead',
      source: 'Web',
      channel: null,
      createdAt: '2024-03-14T00:00:00.000Z',
      custom: { lead_status: 'Open - Not Contacted', industry: 'Electronics', employees: 1000, owner: 'Sam Rep' },
    });
    expect(lead('00Q5g00000AbCdF')).toMatchObject({
      firstName: 'Jörg',
      stage: 'sal',
      channel: 'event',
      createdAt: '2024-03-14T10:12:00.000Z',
      custom: { lead_status: 'Working - Contacted' },
    });
    expect(lead('00Q5g00000AbCdG')).toMatchObject({ stage: 'sql', channel: 'referral', createdAt: '2024-03-04T14:05:00.000Z' });
    expect(lead('00Q5g00000AbCdH')).toMatchObject({ stage: 'disqualified', channel: 'outbound', createdAt: '2024-03-14T00:00:00.000Z' });
    expect(accounts(result)).toEqual([]);
  });

  it('reports unknown statuses, impossible dates and missing ids', () => {
    expect(result.errors).toEqual([
      { line: 6, field: 'Lead Status', message: expect.stringMatching(/^is not one of: Open - Not Contacted, Working - Contacted, /), value: 'Waiting' },
      { line: 6, field: 'Created Date', message: 'must be a date such as 2024-03-14, 3/14/2024 or 3/14/2024 10:12 AM', value: '13/13/2024' },
      { line: 7, field: 'Lead ID', message: 'is required', value: '' },
    ]);
  });
});
