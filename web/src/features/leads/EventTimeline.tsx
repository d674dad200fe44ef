import { Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconAd,
  IconArrowsRightLeft,
  IconBrowser,
  IconCalendarEvent,
  IconClick,
  IconForms,
  IconMail,
  IconMailOpened,
  IconMessage,
  IconPhone,
  IconSpeakerphone,
  type Icon,
} from '@tabler/icons-react';
import { STAGE_LABELS, type ActivityType, type TouchpointType } from '../../../../core/funnel/stages.ts';
import { formatDateTime } from '../../format.ts';
import type { TimelineEntry } from '../../types.ts';

type Look = { icon: Icon; color: string; label: string };

const KIND_LOOK: Record<TimelineEntry['kind'], Look> = {
  touchpoint: { icon: IconClick, color: 'blue', label: 'Touchpoint' },
  stage: { icon: IconArrowsRightLeft, color: 'grape', label: 'Stage change' },
  activity: { icon: IconMessage, color: 'teal', label: 'Sales activity' },
};

const TYPE_ICONS: Partial<Record<TouchpointType | ActivityType, Icon>> = {
  page_view: IconBrowser,
  form_submit: IconForms,
  email_open: IconMailOpened,
  email_click: IconMail,
  ad_click: IconAd,
  event: IconSpeakerphone,
  call: IconPhone,
  meeting: IconCalendarEvent,
  email: IconMail,
  chat: IconMessage,
};

function lookOf(entry: TimelineEntry): Look {
  const look = KIND_LOOK[entry.kind];
  const icon = entry.kind === 'stage' ? undefined : TYPE_ICONS[entry.type];
  return icon ? { ...look, icon } : look;
}

/** What caused a stage change, in words. */
const CAUSE_LABELS: Record<string, string> = {
  manual: 'moved by hand',
  deal_won: 'a deal was won',
  deal_opened: 'a deal was opened',
  import: 'CSV import',
  website: 'website form',
  api: 'API',
  web: 'entered in Accord',
  demo: 'demo data',
};

function typeName(type: string): string {
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entry's heading, its text, and the words after its time. */
function describe(entry: TimelineEntry): { title: string; text: string | null; who: string | null } {
  switch (entry.kind) {
    case 'stage':
      return {
        title: entry.from ? `${STAGE_LABELS[entry.from]} → ${STAGE_LABELS[entry.to]}` : `Created as ${STAGE_LABELS[entry.to]}`,
        text: entry.reason,
        who: [entry.actorName, CAUSE_LABELS[entry.cause] ?? entry.cause].filter(Boolean).join(' · '),
      };
    case 'activity':
      return { title: `${typeName(entry.type)}${entry.outcome ? `: ${entry.outcome}` : ''}`, text: entry.notes, who: entry.actorName };
    case 'touchpoint':
      return { title: typeName(entry.type), text: [entry.url, entry.channel, entry.campaignName].filter(Boolean).join(' · ') || null, who: null };
  }
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
        const Icon = look.icon;
        const { title, text, who } = describe(entry);
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
                  {title}
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
                {[formatDateTime(entry.at, timeZone), who].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
