import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EVENT_LABELS, NOTIFICATION_EVENTS, type NotificationEvent } from '../../../../../core/notifications/events.ts';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { WebhookCreated } from '../../../types.ts';
import { useCreateWebhook } from './use-webhooks.ts';

const EVENT_OPTIONS = NOTIFICATION_EVENTS.map((event) => ({ value: event, label: EVENT_LABELS[event] }));

type Values = { name: string; url: string; events: string[] };

/** True for an absolute http(s) address; the server decides which hosts it accepts. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Name, address and events of a new webhook. */
export function CreateWebhookForm({ onCreated }: { onCreated: (created: WebhookCreated) => void }) {
  const create = useCreateWebhook();
  const form = useForm<Values>({
    initialValues: { name: '', url: '', events: [] },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the webhook a name'),
      url: (value) => (isWebAddress(value) ? null : 'Enter a web address such as https://hooks.slack.com/services/…'),
      events: (value) => (value.length > 0 ? null : 'Choose at least one event'),
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), url: values.url.trim(), events: values.events as NotificationEvent[] },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Title order={2} fz="h4">
          Add a webhook
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={create.error} formFields={['name', 'url', 'events']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Name" description="So you recognise it, e.g. “Sales channel in Slack”" {...form.getInputProps('name')} />
              <TextInput
                label="URL"
                description="Accord POSTs signed JSON here; Slack incoming webhooks work as they are"
                placeholder="https://hooks.example.com/accord"
                {...form.getInputProps('url')}
              />
            </SimpleGrid>
            <MultiSelect
              label="Events"
              description="What the webhook is told about"
              placeholder={form.values.events.length === 0 ? 'Choose events' : undefined}
              data={EVENT_OPTIONS}
              clearable
              hidePickedOptions
              {...form.getInputProps('events')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Add webhook
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
