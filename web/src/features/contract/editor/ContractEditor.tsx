import { Alert, Button, Group, List, Paper, Popover, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useBlocker } from 'react-router';
import type { LeadDefinition } from '../../../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../../../core/schemas/sla.ts';
import { ApiError, fieldErrorsOf } from '../../../api.ts';
import { CardSection } from '../../../components/CardSection.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { formatDate } from '../../../format.ts';
import { notifySuccess } from '../../../notify.ts';
import type { ContractContent, ContractVersion } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { SIGNER_LABELS, SLA_LABELS } from '../contract-text.ts';
import { LivePreview, previewSummary } from '../LivePreview.tsx';
import { useCampaignNames } from '../use-campaign-names.ts';
import { LEAD_CONTRACT } from '../co-signed.ts';
import { useSaveVersion } from '../use-co-signed.ts';
import { VoidSignaturesConfirm } from '../VoidSignaturesConfirm.tsx';
import { SAMPLE_SIZE, useContractSample } from '../use-contract.ts';
import { usePreviewScores } from '../use-preview-scores.ts';
import { EditorFormProvider, LIST_NAMES, useEditorForm, type RuleListName } from './editor-form.ts';
import { checkContent, ruleIds, toContent, toEditorValues } from './editor-model.ts';
import { DisqualifyRulesEditor, EngagementRulesEditor, FitRulesEditor } from './RuleLists.tsx';
import { SlaFields, ThresholdFields } from './SettingsFields.tsx';

const SETTING_NAMES: Record<string, string> = {
  name: 'Name',
  fitThreshold: 'Fit threshold',
  engagementThreshold: 'Engagement threshold',
  decayHalfLifeDays: 'Decay half-life',
  competitorDomains: 'Competitor domains',
};

/** Where a problem is, for people: `definition.fitRules.2.value` → "Fit rule 3 · value". */
export function problemPlace(path: string): string {
  const [root, list, index, ...rest] = path.split('.');
  if (root === 'sla' && list) return SLA_LABELS[list as keyof SlaPolicy] ?? list;
  if (root === 'name') return 'Name';
  if (root === 'definition' && list && list in LIST_NAMES && index !== undefined) {
    const one = LIST_NAMES[list as RuleListName].one;
    return `${one.charAt(0).toUpperCase()}${one.slice(1)} ${Number(index) + 1}${rest.length > 0 ? ` · ${rest.join('.')}` : ''}`;
  }
  if (root === 'definition' && list) return SETTING_NAMES[list] ?? list;
  return path;
}


function Problems({ errors }: { errors: [string, string][] }) {
  return (
    <Popover width={360} position="top-end" shadow="md" withArrow>
      <Popover.Target>
        <Button variant="subtle" color="red" size="xs" leftSection={<IconAlertTriangle size={14} />}>
          {errors.length === 1 ? '1 problem' : `${errors.length} problems`}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <List size="sm" spacing={4}>
          {errors.map(([path, message]) => (
            <List.Item key={path}>
              <Text span size="sm" fw={500}>
                {problemPlace(path)}:
              </Text>{' '}
              {message}
            </List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}

type Props = {
  version: ContractVersion;
  activeVersion: number | null;
  activeDefinition: LeadDefinition | null;
  onDirtyChange: (dirty: boolean) => void;
};

/**
 * Edits a draft or proposed version: thresholds, the three rule lists and the service levels,
 * checked as typed by the same rules as the server, with the sample of recent leads re-scored in
 * the browser after each pause in typing.
 */
export function ContractEditor({ version, activeVersion, activeDefinition, onDirtyChange }: Props) {
  const { details } = useCurrentWorkspace();
  const [initialValues] = useState(() => toEditorValues(version));
  const form = useEditorForm({ initialValues });
  const [now] = useState(() => new Date());
  const [debounced] = useDebouncedValue(form.values, 250);
  const checked = useMemo(() => checkContent(toContent(debounced)), [debounced]);
  const ids = useMemo(() => ruleIds(form.values.definition), [form.values.definition]);
  const [previewDefinition, setPreviewDefinition] = useState<LeadDefinition>(version.definition);
  const save = useSaveVersion<ContractContent>(LEAD_CONTRACT, version.version);
  const [confirming, setConfirming] = useState(false);
  const sample = useContractSample(true);
  const { campaigns } = useCampaignNames();
  const scores = usePreviewScores(sample.data?.items, previewDefinition, activeDefinition, now);

  useEffect(() => {
    if (checked.definition) setPreviewDefinition(checked.definition);
    // The shared checks replace the messages after each pause in typing (a server's message stays until its field changes).
    form.setErrors(checked.errors);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checked]);

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  // Leaving the page with unsaved changes asks first: another page of Accord, or closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const errors = Object.entries(form.errors).flatMap(([path, message]) => (message ? [[path, String(message)] as [string, string]] : []));
  const signed = version.signatures.filter((signature) => !signature.voidedAt);
  const invalid = checked.definition === null;
  const summary = invalid ? 'Fix the problems marked in red to update the preview; it shows the last valid rules.' : previewSummary(scores, activeVersion);

  const submit = () => {
    const result = checkContent(toContent(form.getValues()));
    if (!result.definition || !result.sla || Object.keys(result.errors).length > 0) {
      form.setErrors(result.errors);
      return;
    }
    save.mutate(
      { name: form.getValues().name.trim(), definition: result.definition, sla: result.sla },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          const voided = saved.voidedSignatures.map((role) => SIGNER_LABELS[role].seat.toLowerCase()).join(' and the ');
          notifySuccess(
            voided
              ? `Version ${version.version} was saved. The signature of the ${voided} was voided: they need to sign again.`
              : `Version ${version.version} was saved.`,
          );
        },
        onError: (error) => {
          setConfirming(false);
          form.setErrors({ ...result.errors, ...fieldErrorsOf(error) });
        },
      },
    );
  };

  return (
    <EditorFormProvider form={form}>
      <Stack gap="lg">
        {signed.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Saving a change voids the signatures">
            Signed by{' '}
            {signed.map((s) => `${s.userName} (${SIGNER_LABELS[s.role].seat.toLowerCase()}, ${formatDate(s.signedAt, details.timeZone)})`).join(' and ')}. They
            signed exactly what is saved now; if you change it, they need to sign again.
          </Alert>
        )}
        <CardSection order={3} title="Thresholds" description="A lead is an MQL when both of its scores reach their thresholds and no disqualify rule matches.">
          <ThresholdFields />
        </CardSection>
        <CardSection order={3} title="Fit: who they are" description="Points for who the lead is and where they work, added up into the fit score. Negative points count against.">
          <FitRulesEditor ids={ids} />
        </CardSection>
        <CardSection
          order={3}
          title="Engagement: what they did"
          description="Points for each matching touchpoint, up to the rule’s maximum, added up into the engagement score. Older touches count less (see the half-life)."
        >
          <EngagementRulesEditor ids={ids} campaigns={campaigns} />
        </CardSection>
        <CardSection order={3} title="Disqualify: never an MQL when" description="Any match keeps the lead from becoming an MQL, whatever its scores. The first match gives the reason.">
          <DisqualifyRulesEditor ids={ids} campaigns={campaigns} />
        </CardSection>
        <CardSection order={3} title="Service levels" description="What each team commits to once a lead is an MQL.">
          <SlaFields />
        </CardSection>
        <CardSection
          order={3}
          title="Live preview"
          description={`The ${SAMPLE_SIZE} most recent leads, scored in your browser by this version as you edit it, beside the active version. Nothing is saved or changed.`}
        >
          <QueryStatus query={sample} label="Loading the sample leads">
            {() => <LivePreview scores={scores} summary={summary} definition={previewDefinition} activeVersion={activeVersion} stale={invalid} />}
          </QueryStatus>
        </CardSection>

        <Paper
          withBorder
          shadow={dirty ? 'md' : undefined}
          radius="md"
          p="sm"
          // Kept in sight while there is something to save.
          style={dirty ? { position: 'sticky', bottom: 8, zIndex: 5 } : undefined}
          aria-label="Save changes"
        >
          <Stack gap="xs">
            {save.error instanceof ApiError && save.error.code !== 'validation_failed' && <ErrorAlert error={save.error} />}
            <Group justify="space-between" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Text size="sm" fw={600}>
                  {dirty ? 'Unsaved changes' : 'Everything is saved'}
                </Text>
                <Text size="xs" c="dimmed" data-testid="preview-summary-bar">
                  Preview: {summary}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {errors.length > 0 && <Problems errors={errors} />}
                <Button variant="default" size="sm" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
                  Discard
                </Button>
                <Button size="sm" disabled={!dirty || errors.length > 0} loading={save.isPending && !confirming} onClick={() => (signed.length > 0 ? setConfirming(true) : submit())}>
                  Save
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <VoidSignaturesConfirm signatures={signed} opened={confirming} loading={save.isPending} onConfirm={submit} onClose={() => setConfirming(false)} />
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave and lose changes"
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        Your changes to version {version.version} are not saved yet. They are lost if you leave this page now.
      </ConfirmModal>
    </EditorFormProvider>
  );
}
