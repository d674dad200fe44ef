import { Alert, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Section } from '../../../components/Section.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { notifySuccess } from '../../../notify.ts';
import type { Rep, SalesSettings } from '../../../types.ts';
import { useReps, useSalesSettings, useSaveSalesSettings } from '../../sla/use-sla.ts';
import { SettingsSaveBar } from '../SettingsSaveBar.tsx';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { RepsTable } from './RepsTable.tsx';
import { RoutingFields } from './RoutingFields.tsx';
import { SalesFormProvider, toFormValues, toRequest, useSalesForm } from './sales-form.ts';
import { WorkingHoursFields } from './WorkingHoursFields.tsx';

/** Fields the form shows errors on (every one under calendar and routing): other errors go in the alert. */
const onForm = (field: string) => field.startsWith('calendar.') || field.startsWith('routing.');

function SettingsForm({ settings, reps, canEdit }: { settings: SalesSettings; reps: Rep[]; canEdit: boolean }) {
  const save = useSaveSalesSettings();
  const form = useSalesForm({ initialValues: toFormValues(settings) });
  const readOnly = !canEdit;
  const formFields = Object.keys(fieldErrorsOf(save.error)).filter(onForm);

  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values), {
      onSuccess: (saved) => {
        form.setInitialValues(toFormValues(saved));
        form.reset();
        notifySuccess('Working hours and routing saved. They apply to MQLs handed over from now on.');
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );

  const defaults = [settings.isDefault.calendar && 'working hours', settings.isDefault.routing && 'routing'].filter(Boolean);
  return (
    <SalesFormProvider form={form}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          {defaults.length > 0 && (
            <Text size="sm" c="dimmed">
              The {defaults.join(' and ')} shown {defaults.length > 1 ? 'are' : 'is'} the default{defaults.length > 1 ? 's' : ''} until someone saves{' '}
              {defaults.length > 1 ? 'them' : 'it'}: Monday to Friday 09:00 to 17:00, and every sales rep in turn.
            </Text>
          )}
          <ErrorAlert error={save.error} formFields={formFields} />
          <Section title="Working hours" description="The calendar the SLA clocks count in. Evenings, weekends and holidays do not use up a rep’s time.">
            <WorkingHoursFields readOnly={readOnly} />
          </Section>
          <Section title="Routing" description="Which rep gets a new MQL. Changes apply to MQLs handed over after saving.">
            <RoutingFields reps={reps} readOnly={readOnly} />
          </Section>
          {canEdit && (
            <Paper withBorder radius="md" p="md">
              <SettingsSaveBar dirty={form.isDirty()} saving={save.isPending} savedAt={settings.updatedAt} onDiscard={() => form.reset()} saveLabel="Save working hours and routing" />
            </Paper>
          )}
        </Stack>
      </form>
    </SalesFormProvider>
  );
}

/** Settings > Sales: the SLA's working calendar, MQL routing, and the reps' availability. Sales managers edit; everyone reads. */
export function SalesSettingsPage() {
  useDocumentTitle('Sales settings');
  const { can } = useCurrentWorkspace();
  const settings = useSalesSettings();
  const reps = useReps();
  const canEdit = can('sales.manage');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Sales"
        description="When the SLA clock runs, which rep each new MQL goes to, and who is away. Both teams can read these; sales managers change them."
      />
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconLock />}>
          Only a sales manager or an admin can change working hours and routing.{can('leads.handle') ? ' You can mark yourself away below.' : ''}
        </Alert>
      )}
      <QueryStatus query={settings} label="Loading the sales settings">
        {(data) => (
          <QueryStatus query={reps} label="Loading the reps">
            {(repList) => (
              <Stack gap="xl">
                <SettingsForm key={data.updatedAt ?? 'default'} settings={data} reps={repList} canEdit={canEdit} />
                <Section title="Reps" description="Routing skips reps who are away or hold as many open MQLs as their capacity. A rep can mark themselves away.">
                  <RepsTable reps={repList} />
                </Section>
              </Stack>
            )}
          </QueryStatus>
        )}
      </QueryStatus>
    </Stack>
  );
}
