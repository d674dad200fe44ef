import { z } from 'zod';
import { ROLES } from '../permissions.ts';
import { ZEmail, ZId, ZName, ZPassword } from './common.ts';

export const ZRole = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, { error: 'is required' }).max(200),
});
export type SignIn = z.infer<typeof ZSignIn>;

export const ZUser = z.object({ id: ZId, email: z.string(), name: z.string() });
export type User = z.infer<typeof ZUser>;

export const ZWorkspaceSummary = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  role: ZRole,
});

export const ZMe = z.object({ user: ZUser, workspaces: z.array(ZWorkspaceSummary) });
export type Me = z.infer<typeof ZMe>;

export const ZLinkInfo = z.object({
  purpose: z.enum(['sign_in', 'reset_password']),
  email: z.string(),
  expiresAt: z.iso.datetime(),
});

export const ZSetPassword = z.object({ password: ZPassword, name: ZName.optional() });

export const ZUserCreate = z.object({ email: ZEmail, name: ZName });
