import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api.ts';

type Props = {
  error: unknown;
  title?: string;
  /** Fields the form already shows errors on; a validation error about only these is not repeated here. */
  formFields?: readonly string[];
};

/** Shows why something failed, in the server's own words; renders nothing when there is no error. */
export function ErrorAlert({ error, title, formFields = [] }: Props) {
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  const isValidation = error instanceof ApiError && error.code === 'validation_failed' && fields.length > 0;
  if (isValidation && fields.every(([field]) => formFields.includes(field))) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle />}
      title={title ?? (isValidation ? 'Please check the form' : 'That did not work')}
      role="alert"
    >
      {isValidation ? (
        <List size="sm">
          {fields.map(([field, message]) => (
            <List.Item key={field}>
              {field}: {message}
            </List.Item>
          ))}
        </List>
      ) : (
        errorMessage(error)
      )}
    </Alert>
  );
}
