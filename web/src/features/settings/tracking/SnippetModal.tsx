import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { CopyableSecret } from '../../../components/CopyableSecret.tsx';
import type { TrackingSite } from '../../../types.ts';

/** The line to paste into the site's pages. Its key is public and can only record visits, so it can be shown any time. */
export function SnippetModal({ site, onClose }: { site: TrackingSite | null; onClose: () => void }) {
  return (
    <Modal opened={site !== null} onClose={onClose} title={site ? `Tracking snippet for “${site.name}”` : ''} centered size="lg">
      {site && (
        <Stack>
          <Text size="sm">
            Paste this line into every page of the website, just before <code>&lt;/body&gt;</code>. It records page views and
            form fills, links them to leads when someone fills in a form with their email, and respects “Do Not Track”.
          </Text>
          <CopyableSecret
            label="Website snippet"
            value={site.snippet}
            testId="tracking-snippet"
            hint="Not a secret: the site key in it can only record visits to this workspace, and you can see it here at any time."
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
