import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outbox } from '../modules/notifications/notifications.table.ts';
import { notify } from '../modules/notifications/notify.ts';
import { buildWorkspace } from '../testing/factories.ts';
import { describeOnEngines, testConfig } from '../testing/harness.ts';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.ts';
import { appJobs } from './jobs.ts';

describeOnEngines('background jobs', (h) => {
  let peer: SmtpPeer;

  beforeAll(async () => {
    peer = await startSmtpPeer();
  });

  afterAll(async () => {
    await peer?.close();
  });

  it('delivers the outbox every few seconds through the configured SMTP server', async () => {
    const config = testConfig({ SMTP_URL: peer.url, MAIL_FROM: 'Accord <accord@example.com>' });
    const outboxJob = appJobs({ db: h.db, config }).find((job) => job.name === 'outbox');
    expect(outboxJob?.everyMs).toBe(5_000);

    const { workspace, admin } = await buildWorkspace(h.db);
    const now = new Date();
    const message = { event: 'mql_assigned' as const, title: 'New MQL', body: 'Ada is yours.', link: '/leads', data: {} };
    await notify(h.db, { workspaceId: workspace.id, now, recipients: [admin.id], message });
    await outboxJob!.run(now);

    expect(peer.messages).toEqual([expect.objectContaining({ from: 'accord@example.com', to: [admin.email], subject: 'New MQL' })]);
    expect(peer.messages[0]!.body).toContain('http://accord.test/leads');
    const [row] = await h.db.select().from(outbox).where(eq(outbox.workspaceId, workspace.id));
    expect(row?.status).toBe('sent');
  });
});
