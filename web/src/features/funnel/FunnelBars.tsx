import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { FUNNEL_STAGES, STAGE_LABELS } from '../../../../core/funnel/stages.ts';
import type { FunnelLine } from '../../../../core/funnel/metrics.ts';
import { formatCount, formatPercent } from '../../format.ts';

/** Darker as the funnel narrows: the indigo scale, 3 to 9. */
const SHADES = [3, 4, 5, 6, 7, 8, 9];

/** The total funnel drawn as centred bars, one per stage, with the share that moved on between them. */
export function FunnelBars({ line }: { line: FunnelLine }) {
  const widest = Math.max(1, ...FUNNEL_STAGES.map((stage) => line.reached[stage]));
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Funnel: leads reaching each stage">
        {FUNNEL_STAGES.map((stage, index) => {
          const count = line.reached[stage];
          const step = index > 0 ? line.steps[index - 1] : undefined;
          const share = (count / widest) * 100;
          return (
            <Box component="li" key={stage}>
              {step && (
                <Group gap={4} justify="center" py={4} c="dimmed">
                  <IconArrowDown size={14} aria-hidden />
                  <Text size="xs" c="dimmed">
                    <Text span fw={700} size="xs" c="var(--mantine-color-text)">
                      {formatPercent(step.rate)}
                    </Text>{' '}
                    moved on to {STAGE_LABELS[stage]}
                  </Text>
                </Group>
              )}
              <Group gap="sm" wrap="nowrap" align="center">
                <Text size="sm" fw={600} w={{ base: 88, sm: 130 }} style={{ flexShrink: 0 }}>
                  {STAGE_LABELS[stage]}
                </Text>
                <Box style={{ flex: 1, minWidth: 0 }}>
                  <Box
                    h={30}
                    mx="auto"
                    bg={count > 0 ? `indigo.${SHADES[index]}` : 'gray.3'}
                    style={{ width: `${Math.max(share, 1.5)}%`, borderRadius: 6, transition: 'width 300ms ease' }}
                    aria-hidden
                  />
                </Box>
                <Text size="sm" fw={600} w={{ base: 56, sm: 80 }} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                  {formatCount(count)}
                </Text>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
