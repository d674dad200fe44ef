import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { DetailGrid, type Detail } from '../../components/DetailGrid.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatDateTime, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { Lead, LeadDetail } from '../../types.ts';
import { DealsTable } from '../records/DealsTable.tsx';
import { LeadHandoverCard } from '../sla/LeadHandoverCard.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { EventTimeline } from './EventTimeline.tsx';
import { LeadScoreCard } from './LeadScoreCard.tsx';
import { MoveStageForm } from './MoveStageForm.tsx';
import { StageBadge } from './StageBadge.tsx';
import { useLead } from './use-leads.ts';

function Company({ lead }: { lead: Lead }) {
  const { pathTo } = useCurrentWorkspace();
  const name = lead.accountName ?? lead.company;
  if (!lead.accountId) return <>{name ?? '—'}</>;
  return (
    <Anchor component={Link} to={pathTo(`accounts/${lead.accountId}`)} size="sm">
      {name ?? 'Open the account'}
    </Anchor>
  );
}

function Origin({ lead }: { lead: Lead }) {
  const utm: Detail[] = [
    { label: 'UTM source', value: lead.utmSource },
    { label: 'UTM medium', value: lead.utmMedium },
    { label: 'UTM campaign', value: lead.utmCampaign },
    { label: 'UTM term', value: lead.utmTerm },
    { label: 'UTM content', value: lead.utmContent },
  ].filter((detail) => detail.value);
  return (
    <DetailGrid
      cols={1}
      details={[
        { label: 'Source', value: lead.source },
        { label: 'Channel', value: lead.channel },
        { label: 'Campaign', value: lead.campaignName },
        ...utm,
      ]}
    />
  );
}

function LeadView({ data }: { data: LeadDetail }) {
  const { can, details } = useCurrentWorkspace();
  const { lead, deals, timeline } = data;
  useDocumentTitle(lead.name);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
                {lead.name}
              </Title>
              {(lead.title || lead.company) && (
                <Text c="dimmed" size="sm">
                  {[lead.title, lead.company].filter(Boolean).join(' at ')}
                </Text>
              )}
            </Stack>
            <StageBadge stage={lead.stage} size="lg" />
          </Group>
          <DetailGrid
            details={[
              { label: 'Email', value: lead.email && <Anchor href={`mailto:${lead.email}`} size="sm">{lead.email}</Anchor> },
              { label: 'Company', value: <Company lead={lead} /> },
              { label: 'Owner', value: lead.ownerName ?? 'Unassigned' },
              { label: 'Phone', value: lead.phone },
              { label: 'Country', value: lead.country },
              { label: 'Source / channel', value: [lead.source, lead.channel].filter(Boolean).join(' · ') },
              { label: 'Created', value: formatDate(lead.createdAt, details.timeZone) },
              { label: 'In this stage since', value: formatDateTime(lead.stageChangedAt, details.timeZone) },
              { label: 'Campaign', value: lead.campaignName },
            ]}
          />
        </Stack>
      </Paper>

      <LeadHandoverCard leadId={lead.id} />

      <Section title="Deals" description={deals.length > 0 ? `${plural(deals.length, 'deal')} with this lead.` : undefined}>
        {deals.length > 0 ? (
          <DealsTable deals={deals} label="Deals of this lead" />
        ) : (
          <Text size="sm" c="dimmed">
            No deals with this lead yet.
          </Text>
        )}
      </Section>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <LeadScoreCard leadId={lead.id} />
            {can('funnel.write') && (
              <Paper withBorder radius="md" p="md">
                <Stack gap="sm">
                  <Title order={2} fz="h5">
                    Move to another stage
                  </Title>
                  <MoveStageForm key={lead.stage} leadId={lead.id} current={lead.stage} />
                </Stack>
              </Paper>
            )}
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={2} fz="h5">
                  Where this lead came from
                </Title>
                <Origin lead={lead} />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Section title="Timeline" description={`Touchpoints, stage changes and sales activities, newest first. Times in ${details.timeZone}.`}>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <EventTimeline entries={timeline} timeZone={details.timeZone} emptyText="Nothing has happened with this lead yet." />
            </Paper>
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/w/:slug/leads/:id`: one lead, its deals, and everything that happened with it on one timeline. */
export function LeadPage() {
  const { id = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const lead = useLead(id);
  return (
    <RecordPage back={{ to: pathTo('leads'), label: 'Leads' }} query={lead} loadingLabel="Loading the lead">
      {(data) => <LeadView data={data} />}
    </RecordPage>
  );
}
