import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';

export const MIN_PASSWORD_LENGTH = 10;

export type SetPasswordValues = { password: string; name?: string };

type Props = {
  /** 'optional' and 'required' show a "Your name" field; 'none' hides it. */
  name: 'none' | 'optional' | 'required';
  /** A new password gets a length rule and a confirmation field; an existing one does not. */
  newPassword: boolean;
  submitLabel: string;
  loading: boolean;
  error: unknown;
  onSubmit: (values: SetPasswordValues, setErrors: (errors: Record<string, string>) => void) => void;
};

/** Name (optional) + password (+ confirmation): the form behind one-time links and invitations. */
export function SetPasswordForm({ name, newPassword, submitLabel, loading, error, onSubmit }: Props) {
  const form = useForm({
    initialValues: { name: '', password: '', confirm: '' },
    validate: {
      name: (value) => (name === 'required' && !value.trim() ? 'Enter your name' : null),
      password: (value) => {
        if (!value) return 'Enter a password';
        if (newPassword && value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
        return null;
      },
      confirm: (value, values) => (newPassword && value !== values.password ? 'The two passwords do not match' : null),
    },
  });

  const submit = form.onSubmit((values) => {
    const trimmedName = values.name.trim();
    onSubmit(
      { password: values.password, ...(name !== 'none' && trimmedName ? { name: trimmedName } : {}) },
      (errors) => form.setErrors(errors),
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} formFields={['name', 'password']} />
        {name !== 'none' && (
          <TextInput
            label={name === 'optional' ? 'Your name (optional)' : 'Your name'}
            autoComplete="name"
            {...form.getInputProps('name')}
          />
        )}
        <PasswordField
          label="Password"
          description={newPassword ? `At least ${MIN_PASSWORD_LENGTH} characters` : undefined}
          autoComplete={newPassword ? 'new-password' : 'current-password'}
         
          {...form.getInputProps('password')}
        />
        {newPassword && (
          <PasswordField label="Confirm password" autoComplete="new-password" {...form.getInputProps('confirm')} />
        )}
        <Button type="submit" loading={loading} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
