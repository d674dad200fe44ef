import { Box, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../format.ts';
import type { InboxNotification } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { EVENT_LABELS, formatAgo } from './notification-text.ts';

type Props = {
  notification: InboxNotification;
  /** Called when the person opens it (before the page changes when it has a link). */
  onOpen: (notification: InboxNotification) => void;
  /** Up to two lines of the body (the bell); the whole body otherwise (the inbox page). */
  compact?: boolean;
};

/**
 * One notification: unread ones in bold with a dot. It links to what it is about (a lead, a
 * contract version); opening it marks it read.
 */
export function NotificationItem({ notification, onOpen, compact = false }: Props) {
  const { details } = useCurrentWorkspace();
  const unread = notification.readAt === null;
  const label = (
    <Text span size="sm" fw={unread ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
      {notification.title}
      {unread && <VisuallyHidden> (unread)</VisuallyHidden>}
    </Text>
  );
  const description = (
    <Stack gap={2} component="span" mt={2}>
      {notification.body && (
        <Text span size="sm" c="dimmed" lineClamp={compact ? 2 : undefined} style={{ overflowWrap: 'anywhere' }}>
          {notification.body}
        </Text>
      )}
      <Text span size="xs" c="dimmed" title={formatDateTime(notification.createdAt, details.timeZone)}>
        {formatAgo(notification.createdAt)} · {EVENT_LABELS[notification.event]}
      </Text>
    </Stack>
  );
  const dot = (
    <Box
      component="span"
      w={8}
      h={8}
      style={{ display: 'block', borderRadius: 999, background: unread ? 'var(--mantine-color-blue-6)' : 'transparent' }}
    />
  );
  const common = {
    label,
    description,
    leftSection: dot,
    onClick: () => onOpen(notification),
    'data-unread': unread || undefined,
    style: { borderRadius: 'var(--mantine-radius-sm)', alignItems: 'flex-start' },
    styles: { section: { marginTop: 7 } },
  } as const;
  if (notification.link) return <NavLink component={Link} to={notification.link} {...common} />;
  return <NavLink component="button" type="button" {...common} />;
}
