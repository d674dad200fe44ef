import type { Role } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';
import { createUser, setPassword, type UserDto } from '../modules/identity/identity.service.ts';
import { addMember, createWorkspace, type WorkspaceDto } from '../modules/workspaces/workspaces.service.ts';
import type { Harness } from './harness.ts';

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export type TestUser = UserDto & { password: string };

/** A person with a password, ready to sign in. */
export async function buildUser(db: Db, overrides: Partial<{ email: string; name: string; password: string }> = {}): Promise<TestUser> {
  const n = next();
  const password = overrides.password ?? `correct horse ${n}`;
  const user = await createUser(db, {
    email: overrides.email ?? `person${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: overrides.name ?? `Person ${n}`,
    now: new Date(),
  });
  await setPassword(db, user.id, password);
  return { ...user, password };
}

/** A workspace with an admin who can sign in. */
export async function buildWorkspace(db: Db, overrides: Partial<{ name: string; slug: string }> = {}): Promise<{ workspace: WorkspaceDto; admin: TestUser }> {
  const n = next();
  const admin = await buildUser(db);
  const workspace = await createWorkspace(db, {
    name: overrides.name ?? `Company ${n}`,
    slug: overrides.slug ?? `company-${n}-${Math.random().toString(36).slice(2, 6)}`,
    timeZone: 'Europe/Paris',
    ownerId: admin.id,
    now: new Date(),
  });
  return { workspace, admin };
}

/** A new person who is a member of the workspace with the role. */
export async function buildMember(db: Db, workspaceId: string, role: Role): Promise<TestUser> {
  const user = await buildUser(db);
  await addMember(db, { workspaceId, userId: user.id, role, now: new Date() });
  return user;
}

/** Signs in through the API and returns the Cookie header value to send after. */
export async function signIn(h: Harness, user: { email: string; password: string }): Promise<string> {
  const response = await h.request({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: user.email, password: user.password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'accord_session');
  return `accord_session=${cookie!.value}`;
}
