export * from '../modules/identity/identity.table.ts';
export * from '../modules/workspaces/workspaces.table.ts';
export * from '../modules/tokens/tokens.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/funnel/funnel.table.ts';
export * from '../modules/tracking/tracking.table.ts';
