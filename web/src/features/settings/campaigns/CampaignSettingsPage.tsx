import { Alert, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Section } from '../../../components/Section.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { notifySuccess } from '../../../notify.ts';
import type { CampaignSettings } from '../../../types.ts';
import { CalendarFeedPanel } from '../../campaigns/CalendarFeedPanel.tsx';
import { useCampaignSettings, useSaveCampaignSettings } from '../../campaigns/use-campaigns.ts';
import { SettingsSaveBar } from '../SettingsSaveBar.tsx';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';

type Values = { minNoticeDays: number | string; financeApprovalAbovePercent: number | string };

function PolicyForm({ settings, canEdit }: { settings: CampaignSettings; canEdit: boolean }) {
  const save = useSaveCampaignSettings();
  const form = useForm<Values>({ initialValues: { minNoticeDays: settings.minNoticeDays, financeApprovalAbovePercent: settings.financeApprovalAbovePercent } });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        minNoticeDays: values.minNoticeDays === '' ? Number.NaN : Number(values.minNoticeDays),
        financeApprovalAbovePercent: values.financeApprovalAbovePercent === '' ? Number.NaN : Number(values.financeApprovalAbovePercent),
      },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ minNoticeDays: saved.minNoticeDays, financeApprovalAbovePercent: saved.financeApprovalAbovePercent });
          form.reset();
          notifySuccess('The launch policy is saved. Every campaign’s readiness is judged by it from now on.');
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Launch policy">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          {settings.isDefault && (
            <Text size="sm" c="dimmed">
              These are the defaults until someone saves them.
            </Text>
          )}
          <ErrorAlert error={save.error} formFields={['minNoticeDays', 'financeApprovalAbovePercent']} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label="Minimum notice (days)"
              description="Days between briefing Sales and the announcement (or the launch, without one)"
              allowDecimal={false}
              readOnly={!canEdit}
              {...form.getInputProps('minNoticeDays')}
            />
            <NumberInput
              label="Finance approves discounts above (%)"
              description="A larger discount needs Finance’s approval, besides the marketing lead’s and the sales manager’s"
              decimalScale={2}
              readOnly={!canEdit}
              {...form.getInputProps('financeApprovalAbovePercent')}
            />
          </SimpleGrid>
          {canEdit && (
            <SettingsSaveBar dirty={form.isDirty()} saving={save.isPending} savedAt={settings.updatedAt} onDiscard={() => form.reset()} saveLabel="Save launch policy" />
          )}
        </Stack>
      </Paper>
    </form>
  );
}

/** Settings > Campaigns: the launch policy (notice, Finance's threshold) and the calendar feed. Admins change them; everyone reads. */
export function CampaignSettingsPage() {
  useDocumentTitle('Campaign settings');
  const { can } = useCurrentWorkspace();
  const settings = useCampaignSettings();
  const canEdit = can('workspace.update');
  return (
    <Stack gap="xl">
      <PageHeader title="Campaigns" description="What a launch needs before it can be scheduled, and the calendar feed for calendar applications." />
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconLock />}>
          Only an admin can change the launch policy and the calendar feed.
        </Alert>
      )}
      <Section title="Launch policy" description="Every campaign’s launch gate checks these, besides stock and the reps’ acknowledgements.">
        <QueryStatus query={settings} label="Loading the launch policy">
          {(data) => <PolicyForm key={data.updatedAt ?? 'default'} settings={data} canEdit={canEdit} />}
        </QueryStatus>
      </Section>
      <Section title="Calendar feed" description="An iCalendar address with every campaign and its readiness, for Google Calendar, Outlook or Apple Calendar.">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <CalendarFeedPanel />
        </Paper>
      </Section>
    </Stack>
  );
}
