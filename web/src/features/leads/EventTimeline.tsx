import { Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconAd,
  IconArrowsRightLeft,
  IconBrowser,
  IconCalendarEvent,
  IconClick,
  IconCoin,
  IconForms,
  IconMail,
  IconMailOpened,
  IconMessage,
  IconPhone,
  IconPoint,
  IconSpeakerphone,
  type Icon,
} from '@tabler/icons-react';
import { STAGE_LABELS, type LeadStage } from '../../../../core/funnel/stages.ts';
import { formatDateTime } from '../../format.ts';
import type { TimelineEntry } from '../../types.ts';

type Look = { icon: Icon; color: string; label: string };

const KIND_LOOK: Record<TimelineEntry['kind'], Look> = {
  touchpoint: { icon: IconClick, color: 'blue', label: 'Touchpoint' },
  stage: { icon: IconArrowsRightLeft, color: 'grape', label: 'Stage change' },
  activity: { icon: IconMessage, color: 'teal', label: 'Sales activity' },
  deal: { icon: IconCoin, color: 'indigo', label: 'Deal' },
};

/** Icons by the first word(s) of the title: the touchpoint or activity type. */
const TYPE_ICONS: [prefix: string, icon: Icon][] = [
  ['page view', IconBrowser],
  ['form submit', IconForms],
  ['email open', IconMailOpened],
  ['email click', IconMail],
  ['ad click', IconAd],
  ['event', IconSpeakerphone],
  ['call', IconPhone],
  ['meeting', IconCalendarEvent],
  ['email', IconMail],
  ['chat', IconMessage],
];

function lookOf(entry: TimelineEntry): Look {
  const look = KIND_LOOK[entry.kind];
  if (entry.kind === 'stage') return look;
  const title = entry.title.toLowerCase();
  const match = TYPE_ICONS.find(([prefix]) => title === prefix || title.startsWith(`${prefix}:`) || title.startsWith(`${prefix} `));
  return match ? { ...look, icon: match[1] } : look;
}

const stageName = (code: string) => STAGE_LABELS[code as LeadStage] ?? (code === 'new' ? 'New' : code);

/** Why a stage changed, as the server records it at the end of a stage entry's detail ("<reason> · <cause>"). */
const CAUSE_LABELS: Record<string, string> = {
  manual: 'moved by hand',
  deal_won: 'a deal was won',
  deal_opened: 'a deal was opened',
  import: 'CSV import',
  website: 'website form',
  api: 'API',
  web: 'entered in Accord',
};

/** A stage entry's reason, and its cause in words. */
function stageDetail(detail: string | null): { text: string | null; cause: string | null } {
  if (!detail) return { text: null, cause: null };
  const parts = detail.split(' · ');
  const last = parts[parts.length - 1]!;
  if (!(last in CAUSE_LABELS)) return { text: detail, cause: null };
  return { text: parts.slice(0, -1).join(' · ') || null, cause: CAUSE_LABELS[last]! };
}

/** The server titles entries with codes ("mql → sal", "page view", "call: connected"); these are the readable forms. */
function readableTitle(entry: TimelineEntry): string {
  if (entry.kind === 'stage') {
    const [from, to] = entry.title.split(' → ');
    if (from !== undefined && to !== undefined) return from === 'new' ? `Created as ${stageName(to)}` : `${stageName(from)} → ${stageName(to)}`;
  }
  const title = entry.title.replace(/_/g, ' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

type Props = { entries: TimelineEntry[]; timeZone: string; emptyText: string };

/** One story of a lead or a deal, newest first: touchpoints, stage changes and sales activities. */
export function EventTimeline({ entries, timeZone, emptyText }: Props) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={30} lineWidth={2} active={-1}>
      {entries.map((entry, index) => {
        const look = lookOf(entry);
        const Icon = look.icon ?? IconPoint;
        const { text, cause } = entry.kind === 'stage' ? stageDetail(entry.detail) : { text: entry.detail, cause: null };
        return (
          <Timeline.Item
            key={`${entry.at}-${index}`}
            bullet={
              <ThemeIcon size={30} radius="xl" color={look.color} variant="light" aria-hidden>
                <Icon size={16} />
              </ThemeIcon>
            }
            title={
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {readableTitle(entry)}
                </Text>
                <Text size="xs" c="dimmed">
                  {look.label}
                </Text>
              </Group>
            }
          >
            <Stack gap={2}>
              {text && (
                <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {text}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {[formatDateTime(entry.at, timeZone), entry.actorName, cause].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
