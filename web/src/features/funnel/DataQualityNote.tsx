import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { plural } from '../../format.ts';
import type { FunnelReport } from '../../types.ts';

/** Impossible dates found in the data (usually from an import): counted and named, never hidden. */
export function DataQualityNote({ quality }: { quality: FunnelReport['dataQuality'] }) {
  const { stageBeforeCreation, wonBeforeFirstTouch, negativeDurations } = quality;
  const problems = [
    stageBeforeCreation > 0 &&
      `${plural(stageBeforeCreation, 'lead')} reached a stage before ${stageBeforeCreation === 1 ? 'it was' : 'they were'} created — check imported dates.`,
    wonBeforeFirstTouch > 0 &&
      `${plural(wonBeforeFirstTouch, 'deal')} ${wonBeforeFirstTouch === 1 ? 'was' : 'were'} won before the lead's first contact — check imported dates.`,
    negativeDurations > 0 &&
      `${plural(negativeDurations, 'stage change')} ${negativeDurations === 1 ? 'is' : 'are'} dated before the stage ${negativeDurations === 1 ? 'it' : 'they'} came from; left out of the days between stages.`,
  ].filter((text): text is string => Boolean(text));
  if (problems.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Some dates in the data do not add up">
      <List size="sm" spacing={2}>
        {problems.map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
