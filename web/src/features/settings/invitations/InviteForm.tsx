import { Button, CloseButton, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Role } from '../../../../../core/permissions.ts';
import { fieldErrorsOf } from '../../../api.ts';
import { CopyableSecret } from '../../../components/CopyableSecret.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../format.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { RoleSelect } from '../RoleSelect.tsx';
import { useInvite, type InvitationCreated } from './use-invitations.ts';

/** Invite by email and role; the invitation link is then shown once to pass on. */
export function InviteForm() {
  const { details } = useCurrentWorkspace();
  const invite = useInvite();
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const form = useForm<{ email: string; role: Role }>({
    initialValues: { email: '', role: 'marketing' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address') },
  });

  const submit = form.onSubmit((values) =>
    invite.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (result) => {
          setCreated(result);
          form.reset();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Title order={2} fz="h4">
          Invite someone
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={invite.error} formFields={['email', 'role']} />
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput label="Email" type="email" placeholder="name@company.com" miw={220} {...form.getInputProps('email')} />
              <RoleSelect
                label="Role"
                miw={180}
                value={form.values.role}
                onChange={(role) => form.setFieldValue('role', role)}
                error={form.errors.role}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={invite.isPending}>
                Invite
              </Button>
            </Group>
          </Stack>
        </form>
        {created && (
          <Paper bg="indigo.0" radius="md" p="md" pos="relative">
            <CloseButton
              aria-label="Hide invitation link"
              pos="absolute"
              top={8}
              right={8}
              onClick={() => setCreated(null)}
            />
            <CopyableSecret
              label={`Invitation link for ${created.invitation.email}`}
              value={created.url}
              testId="invitation-url"
              hint={`Send this link to ${created.invitation.email}. It works until ${formatDateTime(created.invitation.expiresAt, details.timeZone)} and is shown only now.`}
            />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
