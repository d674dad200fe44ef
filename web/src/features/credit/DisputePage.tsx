import { Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGavel } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api.ts';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifySuccess } from '../../notify.ts';
import type { CreditDispute, DisputeResolution } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { claimedText, creditedText, DISPUTE_LOOK, roleLabel } from './dispute-text.ts';
import { DisputeStatusBadge } from './DisputeStatusBadge.tsx';
import { useDispute, useResolveDispute } from './use-disputes.ts';

type Values = { outcome: DisputeResolution['outcome'] | ''; note: string };

function ResolveForm({ dispute }: { dispute: CreditDispute }) {
  const resolve = useResolveDispute(dispute.id);
  const form = useForm<Values>({
    initialValues: { outcome: '', note: '' },
    validate: { outcome: (value) => (value ? null : 'Choose to uphold or reject the claim') },
  });
  const submit = form.onSubmit(({ outcome, note }) =>
    resolve.mutate(
      { outcome: outcome as DisputeResolution['outcome'], note: note.trim() },
      {
        onSuccess: (resolved) => notifySuccess(`The dispute on “${resolved.dealName}” is ${resolved.status}. Both teams were told.`),
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <ErrorAlert error={resolve.error} formFields={['outcome', 'note']} />
          <Radio.Group label="Your ruling" withAsterisk {...form.getInputProps('outcome')}>
            <Stack gap="xs" mt="xs">
              <Radio value="upheld" label="Uphold the claim" description={`The credit belongs to ${claimedText(dispute)}.`} />
              <Radio value="rejected" label="Reject the claim" description={`The credit stays with ${creditedText(dispute)}.`} />
            </Stack>
          </Radio.Group>
          <Textarea label="Note" description="Why, for both teams and the record" withAsterisk autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconGavel size={16} />} loading={resolve.isPending}>
              Resolve dispute
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

function Ruling({ dispute }: { dispute: CreditDispute }) {
  const { details } = useCurrentWorkspace();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} bg={dispute.status === 'upheld' ? 'teal.0' : undefined} aria-label="Ruling" component="section">
      <Stack gap="xs">
        <Group gap="sm">
          <DisputeStatusBadge status={dispute.status} size="lg" />
          <Text size="sm">{DISPUTE_LOOK[dispute.status].description}</Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {dispute.resolutionNote}
        </Text>
        <Text size="xs" c="dimmed">
          Ruled by {dispute.resolvedByName ?? 'someone'} ({roleLabel(dispute.resolvedRole)}), {dispute.resolvedAt ? formatDateTime(dispute.resolvedAt, details.timeZone) : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

function Resolution({ dispute }: { dispute: CreditDispute }) {
  const { can, user } = useCurrentWorkspace();
  if (dispute.status !== 'open') return <Ruling dispute={dispute} />;
  if (can('credit.sign') && dispute.openedBy === user.id) {
    return (
      <Text size="sm" c="dimmed">
        You opened this dispute, so the other signer rules on it.
      </Text>
    );
  }
  if (can('credit.sign')) return <ResolveForm dispute={dispute} />;
  return (
    <Text size="sm" c="dimmed">
      {DISPUTE_LOOK.open.description}
    </Text>
  );
}

function DisputeView({ dispute }: { dispute: CreditDispute }) {
  useDocumentTitle(`Credit dispute: ${dispute.dealName}`);
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" c="dimmed">
                Credit dispute
              </Text>
              <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
                {dispute.dealName}
              </Title>
            </Stack>
            <DisputeStatusBadge status={dispute.status} size="lg" />
          </Group>
          <DetailGrid
            details={[
              { label: 'Credited to when opened', value: creditedText(dispute) },
              { label: 'Claimed for', value: <strong>{claimedText(dispute)}</strong> },
              {
                label: 'Deal',
                value: (
                  <Anchor component={Link} to={pathTo(`deals/${dispute.dealId}`)} size="sm">
                    {dispute.dealName} · {formatMoney(dispute.dealAmountMinor, dispute.currency)}
                  </Anchor>
                ),
              },
              { label: 'Opened by', value: `${dispute.openedByName ?? 'Someone'} (${roleLabel(dispute.openedRole)})` },
              { label: 'Opened', value: formatDateTime(dispute.createdAt, details.timeZone) },
              {
                label: 'Credit policy then',
                value:
                  dispute.policyVersion === null ? (
                    'None signed (default rules)'
                  ) : (
                    <Anchor component={Link} to={pathTo(`credit-policy/${dispute.policyVersion}`)} size="sm">
                      v{dispute.policyVersion}
                    </Anchor>
                  ),
              },
            ]}
          />
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Reason
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {dispute.reason}
            </Text>
          </Stack>
        </Stack>
      </Paper>
      <Section title="Ruling" description="A marketing lead or a sales manager who did not open the dispute upholds or rejects it, with a note. The ruling stays on the record.">
        <Resolution dispute={dispute} />
      </Section>
    </Stack>
  );
}

/** `/w/:slug/credit/disputes/:id`: one dispute of a deal's credit: the claim and its reason, and the ruling with who gave it and when. */
export function DisputePage() {
  const { id = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const dispute = useDispute(id);
  return (
    <RecordPage back={{ to: pathTo('credit/disputes'), label: 'Credit disputes' }} query={dispute} loadingLabel="Loading the dispute">
      {(data) => <DisputeView dispute={data} />}
    </RecordPage>
  );
}
