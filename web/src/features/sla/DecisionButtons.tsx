import { Button, Group, Modal, Select, Stack, Text, Textarea, type ButtonProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { RejectionReason } from '../../../../core/schemas/sla.ts';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../notify.ts';
import { REJECTION_LABELS, REJECTION_OPTIONS } from './sla-text.ts';
import { useAcceptMql, useRejectMql } from './use-sla.ts';

type Lead = { leadId: string; leadName: string };
type Values = { reason: string | null; note: string };

/** Why Sales sends the MQL back: a reason code (Marketing reads these as data) and a note, required for "Other". */
function RejectModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const reject = useRejectMql();
  const form = useForm<Values>({
    initialValues: { reason: null, note: '' },
    validate: {
      reason: (value) => (value ? null : 'Choose why this is not a lead for Sales'),
      note: (value, values) => (values.reason === 'other' && !value.trim() ? 'Say why, so Marketing can act on it' : null),
    },
  });
  const close = () => {
    form.reset();
    reject.reset();
    onClose();
  };
  const submit = form.onSubmit(({ reason, note }) =>
    reject.mutate(
      { leadId: lead.leadId, reason: reason as RejectionReason, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(`${lead.leadName} was rejected (${REJECTION_LABELS[reason as RejectionReason]}) and goes back to nurture. Marketing is told why.`);
          close();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={`Reject ${lead.leadName}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The lead goes back to nurture. The reason is reported to Marketing and counts in the SLA ledger.
          </Text>
          <ErrorAlert error={reject.error} formFields={['reason', 'note']} />
          <Select label="Reason" placeholder="Choose a reason" data={REJECTION_OPTIONS} allowDeselect={false} comboboxProps={{ withinPortal: true }} data-autofocus {...form.getInputProps('reason')} />
          <Textarea
            label="Note"
            description={form.values.reason === 'other' ? 'Required for “Other”' : 'Optional: what you learned'}
            placeholder="e.g. Already a customer through our distributor"
            autosize
            minRows={2}
            maxLength={2000}
            withAsterisk={form.values.reason === 'other'}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              Reject MQL
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Accept (the lead becomes a SAL) or Reject with a reason; for the owner of the MQL or a sales manager. */
export function DecisionButtons({ lead, size = 'sm', grow = false }: { lead: Lead; size?: ButtonProps['size']; grow?: boolean }) {
  const accept = useAcceptMql();
  const [rejecting, setRejecting] = useState(false);
  const onAccept = () =>
    accept.mutate(lead.leadId, {
      onSuccess: () => notifySuccess(`${lead.leadName} was accepted and is now a sales accepted lead (SAL).`),
      onError: (error) => notifyError(`Could not accept ${lead.leadName}`, error),
    });
  return (
    <>
      <Group gap="xs" wrap="nowrap" grow={grow}>
        <Button size={size} color="teal" leftSection={<IconCheck size={16} />} loading={accept.isPending} onClick={onAccept} aria-label={`Accept ${lead.leadName}`}>
          Accept
        </Button>
        <Button size={size} variant="default" c="red.7" leftSection={<IconX size={16} />} disabled={accept.isPending} onClick={() => setRejecting(true)} aria-label={`Reject ${lead.leadName}`}>
          Reject
        </Button>
      </Group>
      <RejectModal lead={lead} opened={rejecting} onClose={() => setRejecting(false)} />
    </>
  );
}
