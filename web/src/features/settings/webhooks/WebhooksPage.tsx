import { Stack } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Section } from '../../../components/Section.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import type { WebhookCreated } from '../../../types.ts';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { NewWebhookModal } from './NewWebhookModal.tsx';
import { WebhooksTable } from './WebhooksTable.tsx';
import { useWebhooks } from './use-webhooks.ts';

/** Settings > Webhooks: events sent to Slack or another system, and the log of every delivery. */
export function WebhooksPage() {
  useDocumentTitle('Webhooks');
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  return (
    <Stack gap="xl">
      <Stack gap="lg">
        <PageHeader
          title="Webhooks"
          description="A webhook sends the workspace's events (a new MQL, a breached SLA, a contract to sign) to a Slack channel or another system as signed JSON."
        />
        <CreateWebhookForm onCreated={setCreated} />
        <Section title="Webhooks">
          <QueryStatus query={webhooks} label="Loading webhooks">
            {(items) => <WebhooksTable webhooks={items} />}
          </QueryStatus>
        </Section>
      </Stack>
      <DeliveryLog />
      <NewWebhookModal created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
