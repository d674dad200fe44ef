import { Button, Divider, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecks, IconSettings } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { InboxNotification } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { NotificationItem } from './NotificationItem.tsx';
import { useInbox, useMarkRead } from './use-notifications.ts';

const SHOW = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
];

/** `/w/:slug/notifications`: the signed-in person's inbox in this workspace, newest first. */
export function InboxPage() {
  useDocumentTitle('Notifications');
  const { pathTo } = useCurrentWorkspace();
  const [show, setShow] = useState('all');
  const inbox = useInbox(show === 'unread');
  const markRead = useMarkRead();
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  const open = (notification: InboxNotification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Notifications"
        description="What Accord told you about in this workspace, newest first. Open one to go to what it is about; it is then marked read."
        actions={
          <Group gap="xs">
            <Button component={Link} to={pathTo('settings/notifications')} variant="default" leftSection={<IconSettings size={16} />}>
              Preferences
            </Button>
            <Button
              leftSection={<IconChecks size={16} />}
              disabled={unread === 0}
              loading={markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </Button>
          </Group>
        }
      />
      <Group justify="space-between" gap="sm">
        <SegmentedControl aria-label="Show" data={SHOW} value={show} onChange={setShow} />
        <Text size="sm" c="dimmed">
          {unread === 0 ? 'Nothing unread' : `${plural(unread, 'unread notification')}`}
        </Text>
      </Group>
      <ErrorAlert error={markRead.error} />
      <QueryStatus query={inbox} label="Loading notifications">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <Text c="dimmed" size="sm">
                {show === 'unread' ? 'No unread notifications. You are all caught up.' : 'No notifications yet.'}
              </Text>
            );
          }
          return (
            <Stack gap="sm">
              <Paper withBorder radius="md" p={6} component="section" aria-label="Notifications">
                {items.map((notification, index) => (
                  <Fragment key={notification.id}>
                    {index > 0 && <Divider my={2} />}
                    <NotificationItem notification={notification} onOpen={open} />
                  </Fragment>
                ))}
              </Paper>
              <LoadMore query={inbox} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
