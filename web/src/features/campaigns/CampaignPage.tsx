import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconSpeakerphone } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../components/BackLink.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { CampaignPlan } from '../../types.ts';
import { useMembers } from '../settings/members/use-members.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CampaignStateBadge } from './CampaignStateBadge.tsx';
import { formatDayRange } from './campaign-text.ts';
import { ForecastTable } from './ForecastTable.tsx';
import { GatePanel } from './GatePanel.tsx';
import { PlanDetails, SpendSection } from './PlanDetails.tsx';
import { useCampaignPlan, useForecast, useReadiness } from './use-campaigns.ts';

function Campaign({ plan }: { plan: CampaignPlan }) {
  const { can, pathTo } = useCurrentWorkspace();
  const isDated = plan.launchOn !== null && plan.endOn !== null;
  const readiness = useReadiness(plan.id, isDated);
  const forecast = useForecast(plan.id, isDated);
  const members = useMembers();
  const canEdit = can('campaigns.edit') && (plan.status === 'draft' || plan.status === 'scheduled');
  useDocumentTitle(plan.name);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="sm" align="center">
            <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
              {plan.name}
            </Title>
            {readiness.data && <CampaignStateBadge state={readiness.data.state} blockers={readiness.data.blockers.map((b) => b.condition)} size="lg" />}
          </Group>
          <Text c="dimmed" size="sm">
            {[plan.type, plan.launchOn && plan.endOn ? formatDayRange(plan.launchOn, plan.endOn) : 'No dates yet', plan.owner?.name ? `owned by ${plan.owner.name}` : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={pathTo(`campaigns/${plan.id}/briefing`)} variant="default" leftSection={<IconSpeakerphone size={16} />}>
            Sales briefing
          </Button>
          {canEdit && (
            <Button component={Link} to={pathTo(`campaigns/${plan.id}/edit`)} leftSection={<IconEdit size={16} />}>
              Edit plan
            </Button>
          )}
        </Group>
      </Group>

      {!isDated ? (
        <Alert color="yellow" variant="light" title="No launch or end day yet">
          This campaign came from the funnel without dates. {canEdit ? 'Edit its plan to give it dates, products and an offer.' : 'Marketing plans its dates.'}
        </Alert>
      ) : (
        <>
          <Section title="Launch readiness" description="The launch can be scheduled only when Operations confirmed the stock, the offer is approved, and Sales acknowledged the briefing in time.">
            <QueryStatus query={readiness} label="Loading the launch gate">
              {(gate) => <GatePanel readiness={gate} forecasts={forecast.data?.items ?? []} />}
            </QueryStatus>
          </Section>
          <Section title="Forecast and coverage" description="Demand for each product and promo item against the stock on hand and incoming, and where it runs out.">
            <QueryStatus query={forecast} label="Loading the forecast">
              {(data) => <ForecastTable forecast={data} />}
            </QueryStatus>
          </Section>
        </>
      )}

      <Section title="Plan">
        <PlanDetails plan={plan} members={members.data} />
      </Section>
      <Section title="Budget and spend">
        <SpendSection plan={plan} />
      </Section>
    </Stack>
  );
}

/** `/w/:slug/campaigns/:id`: a campaign's plan, its launch gate with the actions of the reader's role, and its stock forecast. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const plan = useCampaignPlan(id);
  return (
    <Stack gap="md">
      <BackLink to={pathTo('calendar')} label="Campaign calendar" />
      <QueryStatus query={plan} label="Loading the campaign">
        {(data) => <Campaign plan={data} />}
      </QueryStatus>
    </Stack>
  );
}
