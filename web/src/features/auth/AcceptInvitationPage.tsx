import { Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { api, fieldErrorsOf } from '../../api.ts';
import { CenteredCard } from '../../components/CenteredCard.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { queryKeys } from '../../query-keys.ts';
import type { InvitationInfo } from '../../types.ts';
import { InvalidLink } from './InvalidLink.tsx';
import { SetPasswordForm, type SetPasswordValues } from './SetPasswordForm.tsx';
import { useEnterApp } from './use-enter-app.ts';

/** `/invite/:secret`: join a workspace, with a new account or the password of an existing one. */
export function AcceptInvitationPage() {
  const secret = useParams().secret ?? '';
  const enterApp = useEnterApp();
  const info = useQuery({
    queryKey: queryKeys.invitationInfo(secret),
    queryFn: () => api<InvitationInfo>(`/invitations/${encodeURIComponent(secret)}`),
    meta: { public: true },
    staleTime: Infinity,
  });
  const accept = useMutation({
    mutationFn: (values: SetPasswordValues) =>
      api<{ workspaceId: string }>(`/invitations/${encodeURIComponent(secret)}/accept`, { method: 'POST', body: values }),
    meta: { public: true },
    onSuccess: ({ workspaceId }) => enterApp({ workspaceId }),
  });

  if (info.isPending) return <FullPageLoader />;
  if (info.isError) return <InvalidLink error={info.error} />;

  const { workspaceName, email, role, hasAccount } = info.data;
  return (
    <CenteredCard
      title={`Join ${workspaceName}`}
      description={
        <>
          You have been invited to the {workspaceName} workspace on Accord as{' '}
          <Text span fw={600} c="dark">
            {ROLE_LABELS[role]}
          </Text>
          , with the email address{' '}
          <Text span fw={600} c="dark">
            {email}
          </Text>
          .{' '}
          {hasAccount
            ? 'You already have an Accord account: enter its password to accept.'
            : 'Tell us your name and choose a password to create your account.'}
        </>
      }
    >
      <SetPasswordForm
        name={hasAccount ? 'none' : 'required'}
        newPassword={!hasAccount}
        submitLabel="Accept invitation"
        loading={accept.isPending}
        error={accept.error}
        onSubmit={(values, setErrors) => accept.mutate(values, { onError: (error) => setErrors(fieldErrorsOf(error)) })}
      />
    </CenteredCard>
  );
}
