import { Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '../../format.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';

type Props = { dirty: boolean; saving: boolean; savedAt: string | null; onDiscard: () => void; saveLabel: string };

/** Under a settings form: whether it has unsaved changes or when it was last saved, then Discard and Save (the form's submit). */
export function SettingsSaveBar({ dirty, saving, savedAt, onDiscard, saveLabel }: Props) {
  const { details } = useCurrentWorkspace();
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed">
        {dirty ? 'You have unsaved changes.' : savedAt ? `Last saved ${formatDateTime(savedAt, details.timeZone)}.` : 'Nothing changed yet.'}
      </Text>
      <Group gap="xs">
        <Button variant="default" disabled={!dirty} onClick={onDiscard}>
          Discard
        </Button>
        <Button type="submit" loading={saving} disabled={!dirty}>
          {saveLabel}
        </Button>
      </Group>
    </Group>
  );
}
