import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowsJoin2, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { UpcomingCampaigns } from '../campaigns/UpcomingCampaigns.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { QUICK_LINKS, type QuickLink } from './quick-links.ts';

function QuickLinkCard({ link }: { link: QuickLink }) {
  const { pathTo } = useCurrentWorkspace();
  const Icon = link.icon;
  return (
    <Card component={Link} to={pathTo(link.path)} withBorder radius="md" padding="md" aria-label={link.title}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon variant="light" size={40} radius="md">
          <Icon size={22} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          <Text fw={600}>{link.title}</Text>
          <Text size="sm" c="dimmed">
            {link.description}
          </Text>
        </Stack>
        <IconChevronRight size={18} color="var(--mantine-color-gray-5)" />
      </Group>
    </Card>
  );
}

/** `/w/:slug`: what this workspace is, your role in it, and where to start. */
export function HomePage() {
  const { workspace, can } = useCurrentWorkspace();
  useDocumentTitle(workspace.name);
  const links = QUICK_LINKS.filter((link) => can(link.action) && !(link.unless && can(link.unless)));

  return (
    <Stack gap="xl">
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }} shadow="xs">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
              <ThemeIcon size={48} radius="md" visibleFrom="xs">
                <IconArrowsJoin2 size={28} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" c="dimmed">
                  Welcome to
                </Text>
                <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
                  {workspace.name}
                </Title>
              </Stack>
            </Group>
            <Badge size="lg" variant="light" tt="none">
              Your role: {ROLE_LABELS[workspace.role]}
            </Badge>
          </Group>
          <Text>
            Accord is where Sales and Marketing work from the same page: one funnel, one lead definition both teams
            signed, one campaign calendar and one set of numbers.
          </Text>
          <Text size="sm" c="dimmed">
            Today Accord has the shared funnel (leads, accounts and deals with every stage change logged, CSV import,
            website tracking, the funnel report), the lead contract: a definition of qualified that both teams
            signed, MQLs handed to reps with a note, and an SLA that holds both sides to account, and the campaign
            calendar: no launch before the stock is confirmed, the offer approved and Sales briefed.
          </Text>
        </Stack>
      </Paper>

      <UpcomingCampaigns />

      {links.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="h4">
            Get started
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {links.map((link) => (
              <QuickLinkCard key={link.title} link={link} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
