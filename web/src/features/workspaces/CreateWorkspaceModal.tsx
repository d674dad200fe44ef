import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { browserTimeZone } from '../../format.ts';
import { workspacePath } from '../../navigation.ts';
import { useCreateWorkspace, type WorkspaceCreate } from './use-workspaces.ts';

/** "Acme Sales & Marketing" -> "acme-sales-marketing" */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

type Props = { opened: boolean; onClose: () => void };

export function CreateWorkspaceModal({ opened, onClose }: Props) {
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const form = useForm<WorkspaceCreate & { slugEdited: boolean }>({
    initialValues: { name: '', slug: '', timeZone: browserTimeZone(), slugEdited: false },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the workspace a name'),
      slug: (value) =>
        /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(value)
          ? null
          : 'Use 1-40 lowercase letters, digits or dashes (not at the start or end)',
    },
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(({ name, slug, timeZone }) =>
    create.mutate(
      { name: name.trim(), slug, timeZone },
      {
        onSuccess: (workspace) => {
          close();
          void navigate(workspacePath(workspace.slug));
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title="Create workspace" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} formFields={['name', 'slug', 'timeZone']} />
          <TextInput
            label="Workspace name"
            placeholder="e.g. Acme Sales & Marketing"
           
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(event) => {
              const name = event.currentTarget.value;
              form.setFieldValue('name', name);
              if (!form.values.slugEdited) form.setFieldValue('slug', slugify(name));
            }}
          />
          <TextInput
            label="Web address"
            description={`Used in links: /w/${form.values.slug || 'your-workspace'}`}
           
            {...form.getInputProps('slug')}
            onChange={(event) => {
              form.setFieldValue('slug', event.currentTarget.value.toLowerCase());
              form.setFieldValue('slugEdited', true);
            }}
          />
          <TimeZoneSelect
            description="Dates and times in this workspace use this time zone"
            {...form.getInputProps('timeZone')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
