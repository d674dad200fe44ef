import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect.tsx';
import { formatDate } from '../../../format.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { notifySuccess } from '../../../notify.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useUpdateWorkspace } from '../../workspaces/use-workspaces.ts';

/** Settings > Workspace: name and time zone. */
export function WorkspaceSettingsPage() {
  useDocumentTitle('Workspace settings');
  const { details, pathTo } = useCurrentWorkspace();
  const update = useUpdateWorkspace(details.id);
  const form = useForm({
    initialValues: { name: details.name, timeZone: details.timeZone },
    validate: { name: (value) => (value.trim() ? null : 'Give the workspace a name') },
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      { name: values.name.trim(), timeZone: values.timeZone },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ name: saved.name, timeZone: saved.timeZone });
          form.reset();
          notifySuccess('Workspace settings saved.');
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Stack gap="lg">
      <PageHeader title="Workspace" description="The name everyone sees, and the time zone used for dates and times." />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={update.error} formFields={['name', 'timeZone']} />
            <TextInput label="Workspace name" {...form.getInputProps('name')} />
            <TimeZoneSelect
              description="Dates and times in this workspace, such as in the audit log, are shown in this time zone."
              {...form.getInputProps('timeZone')}
            />
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Web address
              </Text>
              <Text size="sm" c="dimmed">
                {window.location.origin}
                {pathTo()} · created {formatDate(details.createdAt, details.timeZone)}
              </Text>
            </Stack>
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Save changes
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
