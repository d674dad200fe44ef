import { Box, Button, Group, Loader, Select, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { apiUrl } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { AttributionMeasure, AttributionModel, AttributionReport, CampaignEconomics } from '../../types.ts';
import { MODEL_LABELS } from '../credit/credit-policy.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { AttributionControls } from './AttributionControls.tsx';
import { CONVERSION_NOUNS, CONVERSION_PLURALS, MEASURE_LABELS, UNIT_LABELS } from './attribution-labels.ts';
import { AttributionStats, NoConversions, periodText, PolicyNote, ReportWarnings } from './AttributionReportParts.tsx';
import { attributionPeriod, readAttributionSettings, writeAttributionSettings, type AttributionSettings, type DayPeriod } from './attribution-settings.ts';
import { CampaignEconomicsTable } from './CampaignEconomicsTable.tsx';
import { CreditTable } from './CreditTable.tsx';
import { LookbackCard } from './LookbackCard.tsx';
import { SourcedInfluencedTable } from './SourcedInfluencedTable.tsx';
import { useAttribution } from './use-attribution.ts';

function ExportLinks({ period, settings }: { period: DayPeriod; settings: AttributionSettings }) {
  const { can, workspace } = useCurrentWorkspace();
  if (!can('funnel.export')) return null;
  const href = (table: 'credits' | 'campaigns') => apiUrl(`/workspaces/${workspace.id}/attribution/export.csv`, { ...period, by: settings.by, table });
  return (
    <Group gap="xs">
      <Button component="a" href={href('credits')} variant="default" leftSection={<IconDownload size={16} />}>
        Export credits CSV
      </Button>
      {settings.by === 'campaign' && (
        <Button component="a" href={href('campaigns')} variant="default" leftSection={<IconDownload size={16} />}>
          Export campaigns CSV
        </Button>
      )}
    </Group>
  );
}

function CampaignsSection({ report, campaigns }: { report: AttributionReport; campaigns: CampaignEconomics[] }) {
  const [model, setModel] = useState<AttributionModel>(report.policy.settlingModel ?? 'linear');
  return (
    <Section
      title="Campaign economics"
      description={`The period’s share of each campaign’s spend (below it, the whole spend against the budget), what each MQL, SQL and customer of the period cost, the pipeline and revenue ${MODEL_LABELS[model].label} credits it, and its return: that revenue less the period’s spend, over that spend.`}
      actions={
        <Select
          label="Credit by"
          data={report.models.map((value) => ({ value, label: MODEL_LABELS[value].label }))}
          value={model}
          allowDeselect={false}
          onChange={(value) => value && setModel(value as AttributionModel)}
          w={180}
        />
      }
    >
      <CampaignEconomicsTable report={report} campaigns={campaigns} model={model} />
    </Section>
  );
}

function Report({ report, measure }: { report: AttributionReport; measure: AttributionMeasure }) {
  const data = report[measure];
  const unit = UNIT_LABELS[report.by].toLowerCase();
  return (
    <Stack gap="xl">
      <AttributionStats report={report} measure={measure} />
      <ReportWarnings report={report} measure={measure} />
      {data.conversions === 0 ? (
        <NoConversions report={report} measure={measure} />
      ) : (
        <Section
          title={`${MEASURE_LABELS[measure]} by ${unit}, every model side by side`}
          description={`The ${plural(data.conversions, CONVERSION_NOUNS[measure], CONVERSION_PLURALS[measure])} ${periodText(report)}, credited to the ${unit}s that touched their lead within ${plural(report.lookbackDays, 'day')} before. Under each amount, the ${CONVERSION_PLURALS[measure]} it stands for.`}
        >
          <PolicyNote report={report} />
          <CreditTable report={report} measure={measure} />
        </Section>
      )}
      {data.conversions > 0 && (
        <Section
          title="Sourced and influenced"
          description={`Sourced: the ${unit} the deal’s lead came from (${report.policy.rules.sourcedBy === 'first_touch' ? 'its first touch in the window' : 'its lead source'}), each deal once. Influenced: every ${unit} that touched the lead in the window, each for the whole amount.`}
        >
          <SourcedInfluencedTable report={report} measure={measure} />
        </Section>
      )}
      {report.campaigns && <CampaignsSection report={report} campaigns={report.campaigns} />}
    </Stack>
  );
}

/** `/w/:slug/attribution`: who gets credit for the pipeline and revenue, by every model, with the one both teams signed. */
export function AttributionPage() {
  useDocumentTitle('Attribution');
  const [settings, setSettings] = useUrlSettings(readAttributionSettings, writeAttributionSettings);
  const [today] = useState(() => new Date());
  const period = useMemo(() => attributionPeriod(settings, today), [settings, today]);
  const attribution = useAttribution(period, settings.by);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Attribution"
        description="Which channels and campaigns brought the pipeline and the revenue, by every model side by side, with the one the credit policy settles on."
        actions={
          <Group gap="sm">
            {attribution.isFetching && attribution.data && <Loader size="sm" aria-label="Updating attribution" />}
            <ExportLinks period={period} settings={settings} />
          </Group>
        }
      />
      <AttributionControls settings={settings} onChange={setSettings} today={today} />
      <LookbackCard />
      <QueryStatus query={attribution} label="Loading attribution">
        {(report) => (
          <Box style={{ opacity: attribution.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Report report={report} measure={settings.measure} />
          </Box>
        )}
      </QueryStatus>
    </Stack>
  );
}
