import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import type { ContractComment } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import type { CoSignedDoc } from './co-signed.ts';
import { useAddComment } from './use-co-signed.ts';

/** The discussion of a version, oldest first, and a box to add to it. */
export function CommentsThread({ doc, version, comments }: { doc: CoSignedDoc; version: number; comments: ContractComment[] }) {
  const { details } = useCurrentWorkspace();
  const add = useAddComment(doc, version);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : 'Write something first') },
  });
  const submit = form.onSubmit(({ body }) =>
    add.mutate(
      { body: body.trim() },
      {
        onSuccess: () => form.reset(),
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <Stack gap="sm">
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet. Ask a question or say what you would change before signing.
        </Text>
      ) : (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Comments">
          {comments.map((comment) => (
            <Paper key={comment.id} withBorder radius="md" p="sm" component="li">
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {comment.userName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(comment.createdAt, details.timeZone)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {comment.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <ErrorAlert error={add.error} formFields={['body']} />
          <Textarea label="Add a comment" placeholder={doc.commentExample} autosize minRows={2} maxLength={4000} {...form.getInputProps('body')} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={add.isPending}>
              Comment
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
