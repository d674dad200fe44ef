import { Button, Group, Paper, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import { fieldErrorsOf } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { TrackingSite } from '../../../types.ts';
import { useCreateTrackingSite } from './use-tracking-sites.ts';

type Values = { name: string; allowedOrigins: string[] };

/** "www.example.com" → "https://www.example.com"; the origin of a pasted page address; null when it is no web address. */
export function toOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function CreateSiteForm({ onCreated }: { onCreated: (site: TrackingSite) => void }) {
  const create = useCreateTrackingSite();
  // An explicit id: without it the label and the text field of TagsInput get different ids.
  const originsId = useId();
  const form = useForm<Values>({
    initialValues: { name: '', allowedOrigins: [] },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the site a name'),
      allowedOrigins: (value) => {
        const bad = value.find((origin) => toOrigin(origin) === null);
        return bad ? `“${bad}” is not a web address such as https://www.example.com` : null;
      },
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), allowedOrigins: [...new Set(values.allowedOrigins.map((o) => toOrigin(o)!))] },
      {
        onSuccess: (site) => {
          form.reset();
          onCreated(site);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack>
        <Title order={2} fz="h4">
          Add a website
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={create.error} formFields={['name', 'allowedOrigins']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Site name" description="So you recognise it, e.g. “Main website”" {...form.getInputProps('name')} />
              <TagsInput
                id={originsId}
                label="Allowed origins"
                description="Only pages on these addresses may send data (Enter after each); empty: any"
                placeholder="https://www.example.com"
                splitChars={[',', ' ']}
                clearable
                {...form.getInputProps('allowedOrigins')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Add website
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
