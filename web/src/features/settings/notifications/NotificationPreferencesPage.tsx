import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { DEFAULT_CHANNELS, PERSONAL_CHANNELS, type PersonalChannel } from '../../../../../core/notifications/events.ts';
import { TableCard } from '../../../components/DataTable.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { notifySuccess } from '../../../notify.ts';
import type { NotificationPreference } from '../../../types.ts';
import { useNotificationPreferences, useSaveNotificationPreferences } from './use-notification-preferences.ts';

export const CHANNEL_LABELS: Record<PersonalChannel, string> = { in_app: 'In the app', email: 'Email' };

type Choices = Record<string, PersonalChannel[]>;

const choicesOf = (items: NotificationPreference[]): Choices => Object.fromEntries(items.map((item) => [item.event, item.channels]));
const sameChannels = (a: readonly PersonalChannel[], b: readonly PersonalChannel[]) => a.length === b.length && a.every((channel) => b.includes(channel));
const describe = (channels: readonly PersonalChannel[]) =>
  channels.length === 0 ? 'nothing' : channels.map((channel) => CHANNEL_LABELS[channel].toLowerCase()).join(' and ');

function SettingBadge({ item, changed }: { item: NotificationPreference; changed: boolean }) {
  if (changed) {
    return (
      <Badge color="yellow" variant="light">
        Not saved
      </Badge>
    );
  }
  if (item.isDefault) {
    return (
      <Badge color="gray" variant="light" title="You have not changed this one">
        Default
      </Badge>
    );
  }
  return (
    <Badge color="blue" variant="light" title={`The default is ${describe(DEFAULT_CHANNELS[item.event])}`}>
      Your choice
    </Badge>
  );
}

function PreferencesForm({ items }: { items: NotificationPreference[] }) {
  const save = useSaveNotificationPreferences();
  const [choices, setChoices] = useState<Choices>(() => choicesOf(items));
  const changed = (item: NotificationPreference) => !sameChannels(choices[item.event] ?? [], item.channels);
  const dirty = items.some(changed);

  const toggle = (event: string, channel: PersonalChannel, on: boolean) =>
    setChoices((previous) => {
      const current = previous[event] ?? [];
      const next = on ? [...current, channel] : current.filter((c) => c !== channel);
      return { ...previous, [event]: PERSONAL_CHANNELS.filter((c) => next.includes(c)) };
    });

  const submit = () =>
    save.mutate(
      // Only the rows changed here: the others keep following the defaults.
      items.filter(changed).map((item) => ({ event: item.event, channels: choices[item.event] ?? [] })),
      {
        onSuccess: (saved) => {
          setChoices(choicesOf(saved));
          notifySuccess('Your notification preferences were saved.');
        },
      },
    );

  return (
    <Stack gap="md">
      <TableCard minWidth={640} label="Notification preferences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            {PERSONAL_CHANNELS.map((channel) => (
              <Table.Th key={channel} ta="center" w={110}>
                {CHANNEL_LABELS[channel]}
              </Table.Th>
            ))}
            <Table.Th w={150}>Setting</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const selected = choices[item.event] ?? [];
            return (
              <Table.Tr key={item.event}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.label}
                  </Text>
                  {!sameChannels(selected, DEFAULT_CHANNELS[item.event]) && (
                    <Text size="xs" c="dimmed">
                      Default: {describe(DEFAULT_CHANNELS[item.event])}
                    </Text>
                  )}
                </Table.Td>
                {PERSONAL_CHANNELS.map((channel) => (
                  <Table.Td key={channel}>
                    <Checkbox
                      styles={{ body: { justifyContent: 'center' } }}
                      aria-label={`${CHANNEL_LABELS[channel]}: ${item.label}`}
                      checked={selected.includes(channel)}
                      onChange={(event) => toggle(item.event, channel, event.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <SettingBadge item={item} changed={changed(item)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableCard>
      <ErrorAlert error={save.error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setChoices(choicesOf(items))}>
          Discard changes
        </Button>
        <Button onClick={submit} disabled={!dirty} loading={save.isPending}>
          Save preferences
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings > Notifications: for each event, whether it reaches me in the app, by email, or not at all. */
export function NotificationPreferencesPage() {
  useDocumentTitle('Notifications');
  const preferences = useNotificationPreferences();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Notifications"
        description="Choose how Accord tells you about what happens in this workspace: in the app (the bell at the top) and by email. These choices are yours only; untouched ones follow the defaults."
      />
      <QueryStatus query={preferences} label="Loading preferences">
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed" size="sm">
              There is nothing to be notified about yet.
            </Text>
          ) : (
            <PreferencesForm items={items} />
          )
        }
      </QueryStatus>
    </Stack>
  );
}
