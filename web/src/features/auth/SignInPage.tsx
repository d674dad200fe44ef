import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, fieldErrorsOf } from '../../api.ts';
import { CenteredCard } from '../../components/CenteredCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useEnterApp } from './use-enter-app.ts';

type Values = { email: string; password: string };

export function SignInPage() {
  const [params] = useSearchParams();
  const enterApp = useEnterApp();
  const form = useForm<Values>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: Values) => api('/auth/sign-in', { method: 'POST', body: { ...values, email: values.email.trim() } }),
    meta: { public: true },
    onSuccess: () => enterApp({ next: params.get('next') }),
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });

  return (
    <CenteredCard title="Sign in" description="Welcome back. Sign in to your Accord workspace.">
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          <ErrorAlert error={signIn.error} formFields={['email', 'password']} />
          <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} />
          <PasswordField label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
