import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { TEAM_LABELS } from '../../../../core/bridge/labels.ts';
import type { BridgeTeam, RevenueBridgeReport } from '../../types.ts';
import { formatSignedMoney, formatWholeMoney } from './attribution-format.ts';
import { TEAM_COLORS } from './attribution-labels.ts';
import { formatPeriod } from '../targets/target-text.ts';

/** One bar of the waterfall: a total drawn from zero, or a step from the running total before it. */
export type WaterfallStep = { label: string; from: number; to: number; isTotal: boolean; team: BridgeTeam | null };

/** The labels of the bridge's two ends: "Q3 2026" and "Q4 2026", or "Target Q4 2026". */
export function bridgeEnds(bridge: RevenueBridgeReport): { base: string; current: string } {
  const current = formatPeriod(bridge.period.key);
  return { base: bridge.compare === 'target' ? `Target ${current}` : formatPeriod(bridge.base.label), current };
}

/** Start at the base, one step per lever in funnel order, the revenue no chain carries, end at the actual revenue. */
export function waterfallSteps(bridge: RevenueBridgeReport): WaterfallStep[] {
  const ends = bridgeEnds(bridge);
  const steps: WaterfallStep[] = [{ label: ends.base, from: 0, to: bridge.base.revenueMinor, isTotal: true, team: null }];
  let running = bridge.base.revenueMinor;
  const step = (label: string, effect: number, team: BridgeTeam | null) => {
    steps.push({ label, from: running, to: running + effect, isTotal: false, team });
    running += effect;
  };
  for (const effect of bridge.effects) step(effect.label, effect.effect, effect.team);
  if (bridge.outsideFunnel.change !== 0) step('Outside the funnel', bridge.outsideFunnel.change, null);
  steps.push({ label: ends.current, from: 0, to: bridge.current.revenueMinor, isTotal: true, team: null });
  return steps;
}

/** Falls show their color through stripes, so direction does not rest on position alone. */
function barBackground(step: WaterfallStep): string {
  const color = step.isTotal ? 'var(--mantine-color-dark-4)' : step.team ? `var(--mantine-color-${TEAM_COLORS[step.team]}-6)` : 'var(--mantine-color-gray-6)';
  if (step.isTotal || step.to >= step.from) return color;
  return `repeating-linear-gradient(135deg, ${color} 0 6px, color-mix(in srgb, ${color} 45%, white) 6px 10px)`;
}

function TeamTag({ team }: { team: BridgeTeam | null }) {
  if (!team) return null;
  return (
    <Badge size="xs" variant="light" color={TEAM_COLORS[team]} tt="none">
      {TEAM_LABELS[team]}
    </Badge>
  );
}

/**
 * The revenue bridge as a horizontal waterfall: the base bar, a floating bar per lever from the
 * running total before it to the one after, and the actual revenue; each lever tagged with its team.
 */
export function Waterfall({ steps, currency }: { steps: WaterfallStep[]; currency: string }) {
  const points = steps.flatMap((s) => [s.from, s.to]);
  const low = Math.min(0, ...points);
  const span = Math.max(0, ...points) - low || 1;
  const at = (value: number) => ((value - low) / span) * 100;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Revenue bridge waterfall">
        {steps.map((step, index) => {
          const value = step.isTotal ? formatWholeMoney(step.to, currency) : formatSignedMoney(step.to - step.from, currency);
          const left = at(Math.min(step.from, step.to));
          const width = at(Math.max(step.from, step.to)) - left;
          return (
            <Box
              component="li"
              key={`${index}-${step.label}`}
              aria-label={`${step.label}: ${value}`}
              py={6}
              style={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 34%) 1fr auto', gap: 'var(--mantine-spacing-sm)', alignItems: 'center', borderTop: step.isTotal && index > 0 ? '1px solid var(--mantine-color-default-border)' : undefined }}
            >
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={step.isTotal ? 700 : 500}>
                  {step.label}
                </Text>
                <TeamTag team={step.team} />
              </Group>
              <Box pos="relative" h={24} aria-hidden>
                <Box pos="absolute" top={0} bottom={0} style={{ left: `${at(0)}%`, borderLeft: '1px solid var(--mantine-color-gray-4)' }} />
                <Box pos="absolute" top={step.isTotal ? 0 : 3} bottom={step.isTotal ? 0 : 3} style={{ left: `${left}%`, width: `max(${width}%, 2px)`, background: barBackground(step), borderRadius: 4 }} />
              </Box>
              <Text size="sm" fw={step.isTotal ? 700 : 600} ta="right" miw={90} c={step.isTotal ? undefined : step.to < step.from ? 'red.8' : 'teal.8'} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {value}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
