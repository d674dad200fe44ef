import { and, eq, sql } from 'drizzle-orm';
import { rescoreLeads } from '../contract/scoring.service.ts';
import type { Collect, LeadInput, TouchpointInput } from '../../../core/schemas/funnel.ts';
import { ZEmail } from '../../../core/schemas/common.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { leads } from '../funnel/funnel.table.ts';
import { saveRecords } from '../funnel/records.service.ts';
import { ingestTouchpoints, stitchVisitor } from '../funnel/touchpoints.service.ts';
import { newSecret } from '../identity/secrets.ts';
import { trackingSites } from './tracking.table.ts';

export type TrackingSiteDto = { id: string; name: string; publicKey: string; allowedOrigins: string[]; isActive: boolean; createdAt: string };

function toDto(row: typeof trackingSites.$inferSelect): TrackingSiteDto {
  return { id: row.id, name: row.name, publicKey: row.publicKey, allowedOrigins: row.allowedOrigins, isActive: row.isActive, createdAt: row.createdAt.toISOString() };
}

/** The line a website owner pastes before </body>. */
export function snippetHtml(publicUrl: string, publicKey: string): string {
  return `<script src="${publicUrl}/t.js" data-site="${publicKey}" async></script>`;
}

export async function listTrackingSites(ctx: ServiceContext): Promise<TrackingSiteDto[]> {
  const rows = await ctx.db.select().from(trackingSites).where(eq(trackingSites.workspaceId, ctx.workspaceId)).orderBy(trackingSites.createdAt);
  return rows.map(toDto);
}

/** Creates a site with a public, write-only key: it can record page views and form fills, nothing else. */
export async function createTrackingSite(ctx: ServiceContext, input: { name: string; allowedOrigins: string[] }): Promise<TrackingSiteDto> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trackingSites)
      .values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), name: input.name, publicKey: `site_${newSecret(16)}`, allowedOrigins: input.allowedOrigins, createdAt: ctx.now })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'tracking_site.create', entityType: 'tracking_site', entityId: row!.id, after: row });
    return toDto(row!);
  });
}

export async function deactivateTrackingSite(ctx: ServiceContext, siteId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(trackingSites.workspaceId, ctx.workspaceId), eq(trackingSites.id, siteId));
    const [before] = await tx.select().from(trackingSites).where(where);
    if (!before) throw notFound('Tracking site');
    const [after] = await tx.update(trackingSites).set({ isActive: false }).where(where).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'tracking_site.deactivate', entityType: 'tracking_site', entityId: siteId, before, after });
  });
}

function utm(url: string): Record<string, string> {
  try {
    const params = new URL(url).searchParams;
    return Object.fromEntries(['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!.slice(0, 200)]] : [])));
  } catch {
    return {};
  }
}

const FIELD_NAMES: Record<string, 'email' | 'firstName' | 'lastName' | 'company' | 'title' | 'phone'> = {
  email: 'email', e_mail: 'email', mail: 'email',
  first_name: 'firstName', firstname: 'firstName', given_name: 'firstName',
  last_name: 'lastName', lastname: 'lastName', family_name: 'lastName', surname: 'lastName',
  company: 'company', organisation: 'company', organization: 'company',
  title: 'title', job_title: 'title', jobtitle: 'title',
  phone: 'phone', telephone: 'phone',
};

/** The lead fields a form fill carries, recognised by common field names. */
function leadFields(fields: Record<string, string>): Partial<Record<'email' | 'firstName' | 'lastName' | 'company' | 'title' | 'phone', string>> {
  const out: Partial<Record<'email' | 'firstName' | 'lastName' | 'company' | 'title' | 'phone', string>> = {};
  for (const [name, value] of Object.entries(fields)) {
    const key = FIELD_NAMES[name.toLowerCase().replace(/[\s-]/g, '_')];
    if (key && value.trim()) out[key] = value.trim().slice(0, 200);
  }
  return out;
}

/** Finds the lead with this email, or creates one from the form fill, from the website. */
async function identify(tx: Db, ctx: ServiceContext, email: string, fields: ReturnType<typeof leadFields>, landingUrl: string): Promise<string> {
  const [existing] = await tx
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.workspaceId, ctx.workspaceId), sql`lower(${leads.email}) = ${email}`))
    .limit(1);
  if (existing) return existing.id;
  const tags = utm(landingUrl);
  const input: LeadInput = {
    ...fields,
    email,
    stage: 'lead',
    source: tags.utm_source ?? 'website',
    channel: tags.utm_medium ?? 'web',
    utmSource: tags.utm_source ?? null,
    utmMedium: tags.utm_medium ?? null,
    utmCampaign: tags.utm_campaign ?? null,
    utmTerm: tags.utm_term ?? null,
    utmContent: tags.utm_content ?? null,
  };
  const saved = await saveRecords(tx, ctx, 'lead', [{ ref: 0, input }], { cause: 'website', audit: false });
  return saved.ids.get(0)!;
}

export type CollectOutcome = 'stored' | 'ignored';

/**
 * Records what the website snippet saw. The key only writes; an origin not on the site's list
 * is refused; a browser asking not to be tracked is ignored. A form fill with an email
 * identifies the visitor: the lead is found or created and inherits the visitor's history.
 */
export async function collect(db: Db, input: Collect, request: { origin: string | null; doNotTrack: boolean; now: Date }): Promise<CollectOutcome> {
  if (request.doNotTrack) return 'ignored';
  const [site] = await db.select().from(trackingSites).where(eq(trackingSites.publicKey, input.site));
  if (!site || !site.isActive) throw new AppError('not_found', 'Unknown or inactive site key.');
  if (site.allowedOrigins.length > 0 && (!request.origin || !site.allowedOrigins.includes(request.origin))) {
    throw new AppError('forbidden', 'This site key is not allowed on this origin.');
  }
  const ctx: ServiceContext = { db, actor: { kind: 'system', name: `site ${site.name}` }, workspaceId: site.workspaceId, now: request.now };
  const touchpoints: TouchpointInput[] = input.events.map((event) => ({
    anonymousId: input.anonymousId,
    type: event.type,
    url: event.url,
    channel: utm(event.url).utm_medium ?? null,
    occurredAt: request.now.toISOString(),
    properties: { ...utm(event.url), ...(event.referrer ? { referrer: event.referrer } : {}), ...(event.title ? { title: event.title } : {}) },
  }));
  await ingestTouchpoints(ctx, touchpoints);
  for (const event of input.events) {
    const fields = leadFields(event.fields ?? {});
    const email = ZEmail.safeParse(fields.email ?? '');
    if (event.type !== 'form_submit' || !email.success) continue;
    await db.transaction(async (tx) => {
      const leadId = await identify(tx, { ...ctx, db: tx }, email.data, fields, event.url);
      await stitchVisitor(tx, site.workspaceId, input.anonymousId, leadId, request.now);
      await rescoreLeads(tx, { ...ctx, db: tx }, [leadId]);
    });
  }
  return 'stored';
}
