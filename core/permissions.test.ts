import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, can, grantableActions, type Actor } from './permissions.ts';

describe('permissions', () => {
  it('lets an admin do everything but sign a lead contract, which only the two teams’ leads do', () => {
    const admin: Actor = { kind: 'user', userId: 'u', role: 'admin' };
    expect(ACTIONS.filter((action) => !can(admin, action))).toEqual(['contract.sign']);
    expect(ROLES.filter((role) => can({ kind: 'user', userId: 'u', role }, 'contract.sign'))).toEqual(['marketing_lead', 'sales_manager']);
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
