import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, ACTIONS, ROLES, can, grantableActions, type Actor } from './permissions.ts';

describe('permissions', () => {
  it('lets an admin do everything but sign, approve an offer or dispute and settle credit, which only the teams do', () => {
    const admin: Actor = { kind: 'user', userId: 'u', role: 'admin' };
    expect(ACTIONS.filter((action) => !can(admin, action))).toEqual(['contract.sign', 'offers.approve', 'credit.sign', 'credit.dispute']);
    expect(ROLES.filter((role) => can({ kind: 'user', userId: 'u', role }, 'contract.sign'))).toEqual(['marketing_lead', 'sales_manager']);
  });

  it('gives the campaign calendar’s actions to the roles that do them', () => {
    const holders = (action: (typeof ACTIONS)[number]) => ROLES.filter((role) => can({ kind: 'user', userId: 'u', role }, action));
    expect(holders('campaigns.edit')).toEqual(['admin', 'marketing', 'marketing_lead']);
    expect(holders('stock.manage')).toEqual(['admin', 'operations']);
    expect(holders('offers.approve')).toEqual(['marketing_lead', 'sales_manager', 'finance']);
    expect(holders('briefings.acknowledge')).toEqual(['admin', 'sales_rep', 'sales_manager']);
    expect(holders('launch.override')).toEqual(['admin']);
  });

  it('gives targets and credit to the roles of both teams, signing and settling to their two leads only', () => {
    const holders = (action: (typeof ACTIONS)[number]) => ROLES.filter((role) => can({ kind: 'user', userId: 'u', role }, action));
    expect(holders('targets.manage')).toEqual(['admin', 'marketing_lead', 'sales_manager']);
    expect(holders('credit.edit')).toEqual(['admin', 'marketing', 'marketing_lead', 'sales_manager']);
    expect(holders('credit.sign')).toEqual(['marketing_lead', 'sales_manager']);
    expect(holders('credit.dispute')).toEqual(['marketing', 'marketing_lead', 'sales_rep', 'sales_manager']);
  });

  it('labels every action', () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...ACTIONS].sort());
  });

  it('lets every role see the workspace and its members, and only admins manage them', () => {
    for (const role of ROLES) {
      const actor: Actor = { kind: 'user', userId: 'u', role };
      expect(can(actor, 'workspace.read')).toBe(true);
      expect(can(actor, 'members.read')).toBe(true);
      expect(can(actor, 'members.manage')).toBe(role === 'admin');
      expect(can(actor, 'tokens.manage')).toBe(role === 'admin');
    }
  });

  it('lets executives read the audit log but not change anything', () => {
    const executive: Actor = { kind: 'user', userId: 'u', role: 'executive' };
    expect(can(executive, 'audit.read')).toBe(true);
    expect(can(executive, 'workspace.update')).toBe(false);
  });

  it('limits a token to the actions it was granted', () => {
    const token: Actor = { kind: 'token', tokenId: 't', createdBy: 'u', permissions: ['members.read'] };
    expect(can(token, 'members.read')).toBe(true);
    expect(can(token, 'workspace.read')).toBe(false);
    expect(grantableActions(token)).toEqual(['members.read']);
  });
});
