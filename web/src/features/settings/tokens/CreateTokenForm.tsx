import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ACTION_LABELS, actionsOfRole, type Action } from '../../../../../core/permissions.ts';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { TokenCreated } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useCreateToken } from './use-tokens.ts';

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 365 days' },
];

type Values = { name: string; permissions: string[]; expires: string };

/** Name, permissions (never more than your own role has) and expiry of a new API token. */
export function CreateTokenForm({ onCreated }: { onCreated: (created: TokenCreated) => void }) {
  const { workspace } = useCurrentWorkspace();
  const grantable = actionsOfRole(workspace.role);
  const create = useCreateToken();
  const form = useForm<Values>({
    initialValues: { name: '', permissions: [], expires: '90' },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the token a name'),
      permissions: (value) => (value.length > 0 ? null : 'Choose at least one permission'),
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        name: values.name.trim(),
        permissions: values.permissions as Action[],
        expiresInDays: values.expires === 'never' ? null : Number(values.expires),
      },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Title order={2} fz="h4">
          Create an API token
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={create.error} formFields={['name', 'permissions', 'expiresInDays']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Token name"
                description="So you recognise it later, e.g. “CRM sync”"
               
                {...form.getInputProps('name')}
              />
              <Select
                label="Expires"
                description="When the token stops working"
                data={EXPIRY_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps('expires')}
              />
            </SimpleGrid>
            <Checkbox.Group
              label="Permissions"
              description="What a tool using this token may do. You can only grant what your own role allows."
             
              {...form.getInputProps('permissions')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {grantable.map((action) => (
                  <Checkbox key={action} value={action} label={ACTION_LABELS[action]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
