import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorUserId, can, type Role } from '../../../core/permissions.ts';
import type { RoutingCursor, RoutingRep } from '../../../core/routing/assign.ts';
import type { RepAvailabilityInput, SalesSettingsInput } from '../../../core/schemas/sales.ts';
import type { RoutingRules } from '../../../core/schemas/routing.ts';
import type { WorkingCalendar } from '../../../core/schemas/sla.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.table.ts';
import { membersWithRoles } from '../notifications/notify.ts';
import { memberships, workspaces } from '../workspaces/workspaces.table.ts';
import { leadHandovers, repAvailability, salesSettings } from './sla.table.ts';

/** The roles MQLs can be routed to. */
export const SALES_ROLES = ['sales_rep', 'sales_manager'] as const satisfies readonly Role[];

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const defaultCalendars = new Map<string, WorkingCalendar>();

/**
 * Monday to Friday 09:00 to 17:00 in the time zone, no holidays. One object per time zone, so
 * that business-time arithmetic keeps its per-calendar cache across calls.
 */
export function defaultCalendar(timeZone: string): WorkingCalendar {
  let calendar = defaultCalendars.get(timeZone);
  if (!calendar) {
    calendar = {
      timeZone,
      hours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: [], sun: [] },
      holidays: [],
    };
    defaultCalendars.set(timeZone, calendar);
  }
  return calendar;
}

export type Rep = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  away: boolean;
  capacity: number | null;
  /** MQLs assigned and neither accepted, rejected nor recycled. */
  openMqls: number;
};

/** The workspace's sales reps and managers with their availability and open MQLs, in the order they joined. */
export async function loadReps(db: Db, workspaceId: string, userId?: string): Promise<Rep[]> {
  const openMqls = sql<number>`(
    select count(*)::int from ${leadHandovers}
    where ${leadHandovers.workspaceId} = ${memberships.workspaceId} and ${leadHandovers.ownerId} = ${memberships.userId} and ${leadHandovers.decision} is null
  )`;
  const rows = await db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      role: memberships.role,
      away: repAvailability.away,
      capacity: repAvailability.capacity,
      openMqls,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(repAvailability, and(eq(repAvailability.workspaceId, memberships.workspaceId), eq(repAvailability.userId, memberships.userId)))
    .where(and(
      eq(memberships.workspaceId, workspaceId),
      inArray(memberships.role, [...SALES_ROLES]),
      userId === undefined ? undefined : eq(memberships.userId, userId),
    ))
    .orderBy(asc(memberships.createdAt), asc(memberships.userId));
  return rows.map((row) => ({ ...row, away: row.away ?? false, capacity: row.capacity ?? null, openMqls: Number(row.openMqls) }));
}

export function routingReps(reps: readonly Rep[]): RoutingRep[] {
  return reps.map((rep) => ({ id: rep.userId, active: true, away: rep.away, capacity: rep.capacity, openLeads: rep.openMqls }));
}

/** Until a manager sets rules: no rules, every sales rep in turn. */
function defaultRouting(reps: readonly Rep[]): RoutingRules {
  return { rules: [], fallbackRepIds: reps.filter((rep) => rep.role === 'sales_rep').map((rep) => rep.userId) };
}

/** What routing and the SLA clock need of a workspace: its settings in force (defaults filled in), its slug, the routing cursor. */
export type SalesSetup = {
  slug: string;
  calendar: WorkingCalendar;
  routing: RoutingRules;
  cursor: RoutingCursor;
  isDefault: { calendar: boolean; routing: boolean };
  updatedAt: Date | null;
  updatedBy: string | null;
};

async function loadSettingsRow(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ slug: workspaces.slug, timeZone: workspaces.timeZone, settings: salesSettings })
    .from(workspaces)
    .leftJoin(salesSettings, eq(salesSettings.workspaceId, workspaces.id))
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('Workspace');
  return row;
}

/** The working calendar in force (the default until one is saved), and the workspace's slug for links. */
export async function loadCalendar(db: Db, workspaceId: string): Promise<{ slug: string; calendar: WorkingCalendar }> {
  const row = await loadSettingsRow(db, workspaceId);
  return { slug: row.slug, calendar: row.settings?.calendar ?? defaultCalendar(row.timeZone) };
}

export async function loadSalesSetup(db: Db, workspaceId: string, reps: readonly Rep[]): Promise<SalesSetup> {
  const { slug, timeZone, settings } = await loadSettingsRow(db, workspaceId);
  return {
    slug,
    calendar: settings?.calendar ?? defaultCalendar(timeZone),
    routing: settings?.routing ?? defaultRouting(reps),
    cursor: settings?.routingCursor ?? {},
    isDefault: { calendar: !settings?.calendar, routing: !settings?.routing },
    updatedAt: settings && (settings.calendar || settings.routing) ? settings.updatedAt : null,
    updatedBy: settings?.updatedBy ?? null,
  };
}

/** Remembers who each routing pool assigned last, without touching the settings themselves. */
export async function saveRoutingCursor(tx: Db, workspaceId: string, cursor: RoutingCursor, now: Date): Promise<void> {
  await tx
    .insert(salesSettings)
    .values({ workspaceId, routingCursor: cursor, updatedAt: now })
    .onConflictDoUpdate({ target: salesSettings.workspaceId, set: { routingCursor: cursor } });
}

export type SalesSettingsDto = {
  calendar: WorkingCalendar;
  routing: RoutingRules;
  isDefault: { calendar: boolean; routing: boolean };
  updatedAt: Date | null;
  updatedBy: string | null;
};

function settingsDto(setup: SalesSetup): SalesSettingsDto {
  return { calendar: setup.calendar, routing: setup.routing, isDefault: setup.isDefault, updatedAt: setup.updatedAt, updatedBy: setup.updatedBy };
}

export async function getSalesSettings(ctx: ServiceContext): Promise<SalesSettingsDto> {
  return settingsDto(await loadSalesSetup(ctx.db, ctx.workspaceId, await loadReps(ctx.db, ctx.workspaceId)));
}

/** Every rep id in the routing that is not a sales rep or manager of the workspace, named by its field. */
function unknownReps(routing: RoutingRules, reps: readonly Rep[]): FieldError[] {
  const known = new Set(reps.map((rep) => rep.userId));
  const pools = [
    ...routing.rules.map((rule, i) => ({ field: `routing.rules.${i}.repIds`, repIds: rule.repIds })),
    { field: 'routing.fallbackRepIds', repIds: routing.fallbackRepIds },
  ];
  return pools.flatMap(({ field, repIds }) => {
    const strangers = repIds.filter((id) => !known.has(id));
    return strangers.length === 0 ? [] : [{ field, message: `not a sales rep or sales manager of this workspace: ${strangers.join(', ')}` }];
  });
}

/** Sets the working calendar and the routing rules; every routed rep must be a sales rep or manager here. */
export async function saveSalesSettings(ctx: ServiceContext, input: SalesSettingsInput): Promise<SalesSettingsDto> {
  return ctx.db.transaction(async (tx) => {
    const reps = await loadReps(tx, ctx.workspaceId);
    const errors = unknownReps(input.routing, reps);
    if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
    const before = await loadSalesSetup(tx, ctx.workspaceId, reps);
    const values = { calendar: input.calendar, routing: input.routing, updatedBy: actorUserId(ctx.actor), updatedAt: ctx.now };
    await tx.insert(salesSettings).values({ workspaceId: ctx.workspaceId, ...values }).onConflictDoUpdate({ target: salesSettings.workspaceId, set: values });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'sales_settings.update',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      before: { calendar: before.calendar, routing: before.routing },
      after: input,
    });
    return settingsDto(await loadSalesSetup(tx, ctx.workspaceId, reps));
  });
}

export async function listReps(ctx: ServiceContext): Promise<Rep[]> {
  return loadReps(ctx.db, ctx.workspaceId);
}

/** A manager sets anyone's availability; a rep may mark themselves away or back, nothing more. */
function assertMaySet(ctx: ServiceContext, rep: Rep, input: RepAvailabilityInput): void {
  if (can(ctx.actor, 'sales.manage')) return;
  if (actorUserId(ctx.actor) !== rep.userId) throw new AppError('forbidden', 'Only a sales manager can change another rep’s availability.');
  if (input.capacity !== undefined && input.capacity !== rep.capacity) throw new AppError('forbidden', 'Only a sales manager can change a rep’s capacity.');
}

export async function setRepAvailability(ctx: ServiceContext, userId: string, input: RepAvailabilityInput): Promise<Rep> {
  return ctx.db.transaction(async (tx) => {
    const [rep] = await loadReps(tx, ctx.workspaceId, userId);
    if (!rep) throw notFound('Sales rep');
    assertMaySet(ctx, rep, input);
    const values = { away: input.away ?? rep.away, capacity: input.capacity === undefined ? rep.capacity : input.capacity, updatedAt: ctx.now };
    await tx
      .insert(repAvailability)
      .values({ workspaceId: ctx.workspaceId, userId, ...values })
      .onConflictDoUpdate({ target: [repAvailability.workspaceId, repAvailability.userId], set: values });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'rep.availability',
      entityType: 'user',
      entityId: userId,
      before: { away: rep.away, capacity: rep.capacity },
      after: { away: values.away, capacity: values.capacity },
    });
    return { ...rep, away: values.away, capacity: values.capacity };
  });
}

/** Whom to tell when an MQL finds no rep or breaches its SLA: the sales managers, or the admins while there is none. */
export async function salesManagers(db: Db, workspaceId: string): Promise<string[]> {
  const managers = await membersWithRoles(db, workspaceId, ['sales_manager']);
  return managers.length > 0 ? managers : membersWithRoles(db, workspaceId, ['admin']);
}
