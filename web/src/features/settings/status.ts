import type { Invitation, Token } from '../../types.ts';

export type Status = 'active' | 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(invitation: Invitation, now = Date.now()): Status {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.acceptedAt) return 'accepted';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'pending';
}

export function tokenStatus(token: Token, now = Date.now()): Status {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt && Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
