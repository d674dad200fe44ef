import { Autocomplete, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../notify.ts';
import { useCampaignNames } from '../contract/use-campaign-names.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useOpenDispute } from './use-disputes.ts';

type Values = { claimedChannel: string; claimedCampaignId: string | null; reason: string };

const FORM_FIELDS = ['claimedChannel', 'claimedCampaignId', 'reason'];

/** Disputes a deal's credit: the channel and/or campaign that should have it, and why; then opens the dispute. */
export function OpenDisputeModal({ deal, onClose }: { deal: { id: string; name: string }; onClose: () => void }) {
  const navigate = useNavigate();
  const { pathTo } = useCurrentWorkspace();
  const { campaigns } = useCampaignNames();
  const open = useOpenDispute();
  const form = useForm<Values>({ initialValues: { claimedChannel: '', claimedCampaignId: null, reason: '' } });
  const channels = [...new Set(campaigns.flatMap((campaign) => (campaign.channel ? [campaign.channel] : [])))].sort();
  const submit = form.onSubmit((values) =>
    open.mutate(
      { dealId: deal.id, claimedChannel: values.claimedChannel.trim() || null, claimedCampaignId: values.claimedCampaignId, reason: values.reason.trim() },
      {
        onSuccess: (dispute) => {
          notifySuccess(`The credit of “${deal.name}” is disputed. The marketing lead and the sales manager were asked to rule on it.`);
          void navigate(pathTo(`credit/disputes/${dispute.id}`));
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={`Dispute the credit of “${deal.name}”`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Say where the credit belongs instead (a channel, a campaign or both) and why. A marketing lead or a sales manager other than you rules on it;
            the ruling is kept on the record beside the models’ credit.
          </Text>
          <ErrorAlert error={open.error} formFields={FORM_FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Autocomplete label="Channel it belongs to" placeholder="e.g. events" data={channels} maxLength={100} data-autofocus {...form.getInputProps('claimedChannel')} />
            <Select
              label="Campaign it belongs to"
              placeholder="Optional"
              data={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
              searchable
              clearable
              {...form.getInputProps('claimedCampaignId')}
            />
          </SimpleGrid>
          <Textarea
            label="Why"
            placeholder="e.g. They came to our booth at the trade fair two weeks before the demo."
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={open.isPending}>
              Open dispute
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
