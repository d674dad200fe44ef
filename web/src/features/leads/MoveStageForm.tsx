import { Button, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LEAD_STAGES, STAGE_LABELS, type LeadStage } from '../../../../core/funnel/stages.ts';
import { fieldErrorsOf } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../notify.ts';
import { useMoveLeadStage } from './use-leads.ts';

type Values = { stage: string | null; reason: string };

/** Moves a lead to another stage; the reason is required and logged with who and when. */
export function MoveStageForm({ leadId, current }: { leadId: string; current: LeadStage }) {
  const move = useMoveLeadStage(leadId);
  const form = useForm<Values>({
    initialValues: { stage: null, reason: '' },
    validate: {
      stage: (value) => (value ? null : 'Choose the new stage'),
      reason: (value) => (value.trim() ? null : 'Say why, so both teams can read it later'),
    },
  });
  const options = LEAD_STAGES.filter((stage) => stage !== current).map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));

  const submit = form.onSubmit(({ stage, reason }) =>
    move.mutate(
      { stage: stage as LeadStage, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(`The lead was moved to ${STAGE_LABELS[stage as LeadStage]}.`);
          form.reset();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={move.error} formFields={['stage', 'reason']} />
        <Select label="New stage" placeholder="Choose a stage" data={options} allowDeselect={false} {...form.getInputProps('stage')} />
        <Textarea
          label="Reason"
          description="Logged on the lead's timeline with your name"
          placeholder="e.g. Budget confirmed on the discovery call"
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('reason')}
        />
        <Button type="submit" loading={move.isPending}>
          Move to stage
        </Button>
      </Stack>
    </form>
  );
}
