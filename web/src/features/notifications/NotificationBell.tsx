import { ActionIcon, Anchor, Button, Center, Divider, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { InboxNotification } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { badgeCount } from './notification-text.ts';
import { NotificationItem } from './NotificationItem.tsx';
import { useLatestNotifications, useMarkRead } from './use-notifications.ts';

/** Header bell: the unread count (asked every 30 s), the latest notifications, "Mark all read", the inbox. */
export function NotificationBell() {
  const { pathTo } = useCurrentWorkspace();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const unread = latest.data?.unread ?? 0;

  const open = (notification: InboxNotification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    close();
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow arrowPosition="center">
      <Popover.Target>
        <Indicator
          label={<span data-testid="unread-count">{badgeCount(unread)}</span>}
          size={18}
          offset={6}
          color="red"
          disabled={unread === 0}
          withBorder
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <IconBell size={20} stroke={1.7} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label="Notifications" role="dialog">
        <Group justify="space-between" px="md" py="sm" gap="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        {markRead.error !== null && (
          <Stack p="xs">
            <ErrorAlert error={markRead.error} />
          </Stack>
        )}
        <ScrollArea.Autosize mah={420} type="auto">
          {latest.status === 'pending' && (
            <Center py="lg">
              <Loader size="sm" aria-label="Loading notifications" />
            </Center>
          )}
          {latest.status === 'error' && (
            <Stack p="xs">
              <ErrorAlert error={latest.error} title="Could not load notifications" />
            </Stack>
          )}
          {latest.status === 'success' && latest.data.items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="lg" px="md">
              No notifications yet. You will hear here about MQLs, SLAs and the lead contract.
            </Text>
          )}
          {latest.status === 'success' && latest.data.items.length > 0 && (
            <Stack gap={2} p={6}>
              {latest.data.items.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onOpen={open} compact />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="space-between" px="md" py="xs">
          <Anchor component={Link} to={pathTo('notifications')} size="sm" onClick={close}>
            See all notifications
          </Anchor>
          <Anchor component={Link} to={pathTo('settings/notifications')} size="xs" c="dimmed" onClick={close}>
            Preferences
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
