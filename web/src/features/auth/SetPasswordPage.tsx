import { Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, fieldErrorsOf } from '../../api.ts';
import { CenteredCard } from '../../components/CenteredCard.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { queryKeys } from '../../query-keys.ts';
import type { LinkInfo } from '../../types.ts';
import { InvalidLink } from './InvalidLink.tsx';
import { SetPasswordForm, type SetPasswordValues } from './SetPasswordForm.tsx';
import { useEnterApp } from './use-enter-app.ts';

const TEXT: Record<LinkInfo['purpose'], { title: string; intro: string; submit: string }> = {
  sign_in: {
    title: 'Welcome to Accord',
    intro: 'Choose a password to finish setting up your account',
    submit: 'Set password and continue',
  },
  reset_password: {
    title: 'Reset your password',
    intro: 'Choose a new password for your account',
    submit: 'Save new password',
  },
};

/** `/link/:secret`: a one-time sign-in or reset link; sets a password and signs in. */
export function SetPasswordPage() {
  const secret = useParams().secret ?? '';
  const enterApp = useEnterApp();
  const info = useQuery({
    queryKey: queryKeys.linkInfo(secret),
    queryFn: () => api<LinkInfo>(`/auth/links/${encodeURIComponent(secret)}`),
    meta: { public: true },
    staleTime: Infinity,
  });
  const setPassword = useMutation({
    mutationFn: (values: SetPasswordValues) =>
      api(`/auth/links/${encodeURIComponent(secret)}`, { method: 'POST', body: values }),
    meta: { public: true },
    onSuccess: () => enterApp(),
  });

  if (info.isPending) return <FullPageLoader />;
  if (info.isError) return <InvalidLink error={info.error} />;

  const text = TEXT[info.data.purpose];
  return (
    <CenteredCard
      title={text.title}
      description={
        <>
          {text.intro} (
          <Text span fw={600} c="dark">
            {info.data.email}
          </Text>
          ).
        </>
      }
    >
      <SetPasswordForm
        name={info.data.purpose === 'sign_in' ? 'optional' : 'none'}
        newPassword
        submitLabel={text.submit}
        loading={setPassword.isPending}
        error={setPassword.error}
        onSubmit={(values, setErrors) =>
          setPassword.mutate(values, { onError: (error) => setErrors(fieldErrorsOf(error)) })
        }
      />
    </CenteredCard>
  );
}
