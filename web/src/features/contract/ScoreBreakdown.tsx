import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ScoreLine } from '../../../../core/scoring/evaluate.ts';
import { signedPoints } from './contract-text.ts';

const KIND_TITLES: Record<ScoreLine['kind'], string> = { fit: 'Fit', engagement: 'Engagement', disqualify: 'Disqualified by' };
const KINDS: ScoreLine['kind'][] = ['fit', 'engagement', 'disqualify'];

/** Which rules gave a lead its points, and which disqualified it, with what they saw. */
export function ScoreBreakdown({ breakdown }: { breakdown: readonly ScoreLine[] }) {
  if (breakdown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rule gave this lead any points.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {KINDS.map((kind) => {
        const lines = breakdown.filter((line) => line.kind === kind);
        if (lines.length === 0) return null;
        return (
          <Stack key={kind} gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {KIND_TITLES[kind]}
            </Text>
            {lines.map((line) => (
              <Group key={line.ruleId} gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {line.label}
                  </Text>
                  {line.detail && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {line.detail}
                    </Text>
                  )}
                </Stack>
                {kind === 'disqualify' ? (
                  <Badge color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
                    Disqualifies
                  </Badge>
                ) : (
                  <Text size="sm" fw={600} c={line.points < 0 ? 'red' : undefined} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                    {signedPoints(line.points)}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
