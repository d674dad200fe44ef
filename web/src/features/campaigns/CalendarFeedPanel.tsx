import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { CopyableSecret } from '../../components/CopyableSecret.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatDateTime } from '../../format.ts';
import { notifySuccess } from '../../notify.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useCalendarFeed, useRotateFeed } from './use-campaigns.ts';

/**
 * The workspace's iCalendar feed: its secret address to paste into Google, Outlook or Apple
 * calendars, and (for an admin) turning it on or moving it to a new address.
 */
export function CalendarFeedPanel({ showSettingsLink = false }: { showSettingsLink?: boolean }) {
  const { can, details, pathTo } = useCurrentWorkspace();
  const feed = useCalendarFeed();
  const rotate = useRotateFeed();
  const [asking, setAsking] = useState(false);
  const canManage = can('workspace.update');
  const close = () => {
    rotate.reset();
    setAsking(false);
  };
  return (
    <QueryStatus query={feed} label="Loading the calendar feed">
      {({ url, rotatedAt }) => (
        <Stack gap="sm">
          {url ? (
            <CopyableSecret
              label="Calendar feed address"
              value={url}
              testId="calendar-feed-url"
              hint="Add it as a calendar “from URL” in Google Calendar, Outlook or Apple Calendar. Anyone with this address can read the campaigns: share it only inside the company."
            />
          ) : (
            <Text size="sm" c="dimmed">
              The calendar feed is off. {canManage ? 'Turn it on to get a private address for calendar applications.' : 'An admin can turn it on in the campaign settings.'}
            </Text>
          )}
          {rotatedAt && (
            <Text size="xs" c="dimmed">
              Address made {formatDateTime(rotatedAt, details.timeZone)}.
            </Text>
          )}
          {canManage && (
            <Button
              variant={url ? 'default' : 'filled'}
              leftSection={<IconRefresh size={16} />}
              onClick={() => (url ? setAsking(true) : rotate.mutate(undefined, { onSuccess: () => notifySuccess('The calendar feed is on.') }))}
              loading={!url && rotate.isPending}
              w="fit-content"
            >
              {url ? 'Move to a new address' : 'Turn on the calendar feed'}
            </Button>
          )}
          {showSettingsLink && canManage && (
            <Anchor component={Link} to={pathTo('settings/campaigns')} size="sm">
              Campaign settings
            </Anchor>
          )}
          <ConfirmModal
            opened={asking}
            title="Move the calendar feed to a new address?"
            confirmLabel="Make a new address"
            onClose={close}
            loading={rotate.isPending}
            error={rotate.error}
            onConfirm={() =>
              rotate.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess('The calendar feed has a new address. The old one no longer works.');
                  close();
                },
              })
            }
          >
            The current address stops working at once: everyone subscribed to it has to add the new one. Do this when the address was shared with someone
            who should not have it.
          </ConfirmModal>
        </Stack>
      )}
    </QueryStatus>
  );
}
