import { Alert, Badge, Button, Group, List, Modal, Paper, Progress, SimpleGrid, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconRocket, IconShieldExclamation } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { APPROVAL_ROLES, type ApprovalRole } from '../../../../core/schemas/campaigns.ts';
import { fieldErrorsOf } from '../../api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, formatDateTime, formatDay, plural } from '../../format.ts';
import { notifyError, notifySuccess } from '../../notify.ts';
import type { ProductForecast, Readiness, ReadinessCondition } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { APPROVER_LABELS, CONDITION_LABELS, PRODUCT_KIND_LABELS, STOCK_STATE_LOOKS } from './campaign-text.ts';
import {
  useApproveOffer,
  useConfirmStock,
  useOverrideLaunch,
  usePublishBriefing,
  useScheduleLaunch,
  useUnscheduleLaunch,
} from './use-campaigns.ts';

type Stamp = { userId: string | null; name: string | null; at: string };

/** "by Mia Lead, 23 Nov 2026, 10:04" */
function StampText({ stamp, verb }: { stamp: Stamp; verb: string }) {
  const { details } = useCurrentWorkspace();
  return (
    <Text size="xs" c="dimmed">
      {verb} by {stamp.name ?? 'someone'}, {formatDateTime(stamp.at, details.timeZone)}
    </Text>
  );
}

function ConditionCard({ condition, met, summary, children }: { condition: ReadinessCondition; met: boolean; summary: string; children?: ReactNode }) {
  const label = CONDITION_LABELS[condition];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={label}
      style={{ borderLeft: `4px solid var(--mantine-color-${met ? 'teal' : 'red'}-6)` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color={met ? 'teal' : 'red'} radius="xl" size="md" aria-hidden>
              {met ? <IconCircleCheck size={16} /> : <IconCircleX size={16} />}
            </ThemeIcon>
            <Title order={3} fz="h5">
              {label}
            </Title>
          </Group>
          <Badge color={met ? 'teal' : 'red'} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {met ? 'Met' : 'Not met'}
          </Badge>
        </Group>
        <Text size="sm">{summary}</Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** The reason the API says is missing or wrong: its `reason` field, or one of a list's (`items.0.reason`). */
function reasonError(error: unknown): string | undefined {
  return Object.entries(fieldErrorsOf(error)).find(([field]) => field === 'reason' || field.endsWith('.reason'))?.[1];
}

type ReasonModalProps = {
  title: string;
  /** What the decision is about, above the reason. */
  children: ReactNode;
  reason: { label: string; description: string; placeholder?: string; maxLength: number; whenMissing: string };
  submitLabel: string;
  /** Makes the decision with the trimmed reason. */
  decide: (reason: string, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
  error: unknown;
  onDone: () => void;
  onClose: () => void;
};

/** A decision the gate keeps on the record with its reason: asks for the reason, then makes it; the API's objection to the reason shows on the field. */
function ReasonModal({ title, children, reason, submitLabel, decide, isPending, error, onDone, onClose }: ReasonModalProps) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : reason.whenMissing) },
  });
  const submit = form.onSubmit((values) =>
    decide(values.reason.trim(), {
      onSuccess: () => {
        onDone();
        onClose();
      },
      onError: (failure) => {
        const message = reasonError(failure);
        if (message) form.setFieldError('reason', message);
      },
    }),
  );
  const isOnlyAboutReason = reasonError(error) !== undefined && Object.keys(fieldErrorsOf(error)).length === 1;
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          <ErrorAlert error={isOnlyAboutReason ? null : error} />
          <Textarea
            label={reason.label}
            description={reason.description}
            placeholder={reason.placeholder}
            autosize
            minRows={2}
            maxLength={reason.maxLength}
            withAsterisk
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Operations accepts a known shortfall, saying why (the campaign's owner and the marketing leads are told). */
function ShortfallModal({ campaignId, item, forecast, onClose }: { campaignId: string; item: { sku: string; name: string }; forecast: ProductForecast | undefined; onClose: () => void }) {
  const confirm = useConfirmStock(campaignId);
  return (
    <ReasonModal
      title={`Accept a shortfall of ${item.sku}`}
      reason={{
        label: 'Reason',
        description: 'Marketing and the campaign’s owner read this',
        placeholder: 'e.g. 2,000 basins arrive in week 52; the TV spot says “while stocks last”',
        maxLength: 1000,
        whenMissing: 'Say why the launch can go ahead with less stock',
      }}
      submitLabel="Accept shortfall"
      decide={(reason, callbacks) => confirm.mutate([{ sku: item.sku, decision: 'shortfall_accepted', reason }], callbacks)}
      isPending={confirm.isPending}
      error={confirm.error}
      onDone={() => notifySuccess(`Shortfall of ${item.sku} accepted. Marketing is told why.`)}
      onClose={onClose}
    >
      {forecast && forecast.shortfall > 0 ? (
        <Text size="sm">
          The forecast shows <strong>{formatCount(forecast.shortfall)} units</strong> of {item.name} missing
          {forecast.runsOutOn ? `: it runs out on ${formatDay(forecast.runsOutOn)} (week ${forecast.runsOutWeek?.slice(6)})` : ''}.
        </Text>
      ) : (
        <Text size="sm">The launch goes ahead knowing that {item.name} may not cover the forecast demand.</Text>
      )}
    </ReasonModal>
  );
}

function StockCard({ readiness, forecasts, isOpen }: { readiness: Readiness; forecasts: Map<string, ProductForecast>; isOpen: boolean }) {
  const { can } = useCurrentWorkspace();
  const stock = readiness.conditions.stock;
  const confirm = useConfirmStock(readiness.campaignId);
  const [accepting, setAccepting] = useState<{ sku: string; name: string } | null>(null);
  const canManage = can('stock.manage') && isOpen;
  const open = stock.items.filter((item) => item.state === 'unconfirmed' || item.state === 'outdated');
  const confirmable = open.filter((item) => (forecasts.get(item.sku)?.shortfall ?? 0) === 0);
  const confirmSkus = (skus: string[]) =>
    confirm.mutate(
      skus.map((sku) => ({ sku, decision: 'confirmed' as const })),
      {
        onSuccess: () => notifySuccess(skus.length === 1 ? `Stock of ${skus[0]} confirmed.` : `Stock of ${skus.length} products confirmed.`),
        onError: (error) => notifyError('Could not confirm the stock', error),
      },
    );
  return (
    <ConditionCard condition="stock" met={stock.met} summary={stock.summary}>
      {stock.items.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Stock per product">
          {stock.items.map((item) => {
            const look = STOCK_STATE_LOOKS[item.state];
            const forecast = forecasts.get(item.sku);
            const shortfall = forecast?.shortfall ?? 0;
            const isDone = item.state === 'confirmed' || item.state === 'shortfall_accepted';
            return (
              <Paper key={item.productId} component="li" withBorder radius="sm" p="xs" aria-label={item.sku}>
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {item.sku}{' '}
                        <Text span size="sm" fw={400}>
                          {item.name}
                        </Text>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {PRODUCT_KIND_LABELS[item.kind]} · demand {formatCount(item.demand)} during the campaign
                        {shortfall > 0 ? ` · ${formatCount(shortfall)} short` : ''}
                      </Text>
                    </Stack>
                    <Badge color={look.color} variant="light" tt="none" style={{ flexShrink: 0 }}>
                      {look.label}
                    </Badge>
                  </Group>
                  {item.confirmation && (
                    <>
                      <StampText stamp={item.confirmation} verb={item.confirmation.decision === 'confirmed' ? 'Confirmed' : 'Shortfall accepted'} />
                      {item.confirmation.reason && (
                        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                          Reason: {item.confirmation.reason}
                        </Text>
                      )}
                    </>
                  )}
                  {canManage && !isDone && (
                    <Group gap="xs">
                      {shortfall === 0 ? (
                        <Button size="xs" color="teal" onClick={() => confirmSkus([item.sku])} loading={confirm.isPending} aria-label={`Confirm stock of ${item.sku}`}>
                          Confirm stock
                        </Button>
                      ) : (
                        <Button size="xs" color="orange" variant="light" onClick={() => setAccepting(item)} aria-label={`Accept shortfall of ${item.sku}`}>
                          Accept shortfall…
                        </Button>
                      )}
                    </Group>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
      {canManage && confirmable.length > 1 && (
        <Button size="xs" variant="light" color="teal" w="fit-content" onClick={() => confirmSkus(confirmable.map((item) => item.sku))} loading={confirm.isPending}>
          Confirm all {confirmable.length} without a shortfall
        </Button>
      )}
      {accepting && <ShortfallModal campaignId={readiness.campaignId} item={accepting} forecast={forecasts.get(accepting.sku)} onClose={() => setAccepting(null)} />}
    </ConditionCard>
  );
}

function ApproveModal({ campaignId, role, onClose }: { campaignId: string; role: ApprovalRole; onClose: () => void }) {
  const approve = useApproveOffer(campaignId);
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} title={`Approve the offer as ${APPROVER_LABELS[role].toLowerCase()}`} centered>
      <Stack gap="sm">
        <Text size="sm">You approve the offer’s price or discount, for these dates and these products. A change to any of them needs a new approval.</Text>
        <ErrorAlert error={approve.error} />
        <Textarea label="Note" description="Optional" autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="teal"
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(note.trim() || undefined, {
                onSuccess: () => {
                  notifySuccess(`You approved the offer for the ${APPROVER_LABELS[role].toLowerCase()}s.`);
                  onClose();
                },
              })
            }
          >
            Approve offer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ApprovalsCard({ readiness, isOpen }: { readiness: Readiness; isOpen: boolean }) {
  const { workspace, can } = useCurrentWorkspace();
  const approvals = readiness.conditions.approvals;
  const [approving, setApproving] = useState(false);
  const myRole = APPROVAL_ROLES.find((role) => role === workspace.role);
  const canApprove = can('offers.approve') && isOpen && myRole !== undefined && approvals.missing.includes(myRole);
  return (
    <ConditionCard condition="approvals" met={approvals.met} summary={approvals.summary}>
      {approvals.isNeeded && (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Approvals">
          {approvals.required.map((role) => {
            const given = approvals.given.find((approval) => approval.role === role);
            return (
              <Group key={role} component="li" justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {APPROVER_LABELS[role]}
                  </Text>
                  {given ? (
                    <>
                      <StampText stamp={given} verb="Approved" />
                      {given.note && (
                        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                          “{given.note}”
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Awaiting approval
                    </Text>
                  )}
                </Stack>
                <Badge color={given ? 'teal' : 'gray'} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {given ? 'Approved' : 'Awaiting'}
                </Badge>
              </Group>
            );
          })}
        </Stack>
      )}
      {canApprove && myRole && (
        <Button size="xs" color="teal" w="fit-content" onClick={() => setApproving(true)}>
          Approve as {APPROVER_LABELS[myRole].toLowerCase()}
        </Button>
      )}
      {approving && myRole && <ApproveModal campaignId={readiness.campaignId} role={myRole} onClose={() => setApproving(false)} />}
    </ConditionCard>
  );
}

function BriefingCard({ readiness }: { readiness: Readiness }) {
  const { can, pathTo } = useCurrentWorkspace();
  const briefing = readiness.conditions.briefing;
  const publish = usePublishBriefing(readiness.campaignId);
  const canPublish = can('campaigns.edit') && readiness.status !== 'ended' && !(briefing.version !== null && briefing.isCurrent);
  const share = briefing.expected > 0 ? (briefing.acknowledged / briefing.expected) * 100 : 0;
  return (
    <ConditionCard condition="briefing" met={briefing.met} summary={briefing.summary}>
      {briefing.published && <StampText stamp={briefing.published} verb={`Version ${briefing.version} published`} />}
      {briefing.version !== null && !briefing.isCurrent && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} p="xs">
          <Text size="xs">The campaign changed since this version: reps acknowledge what they read, so publish it again.</Text>
        </Alert>
      )}
      {briefing.version !== null && briefing.expected > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {briefing.acknowledged} of {plural(briefing.expected, 'rep')} acknowledged
          </Text>
          <Progress value={share} color={briefing.acknowledged === briefing.expected ? 'teal' : 'blue'} size="sm" aria-label="Reps who acknowledged" />
        </Stack>
      )}
      {briefing.missing.length > 0 && briefing.version !== null && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Not yet: {briefing.missing.map((rep) => rep.name).join(', ')}
        </Text>
      )}
      <Group gap="xs">
        {canPublish && (
          <Button
            size="xs"
            onClick={() =>
              publish.mutate(undefined, {
                onSuccess: (published) => notifySuccess(`Briefing v${published.published?.version ?? ''} is published. The reps and their managers are told.`),
                onError: (error) => notifyError('Could not publish the briefing', error),
              })
            }
            loading={publish.isPending}
          >
            {briefing.version === null ? 'Publish briefing' : `Publish v${briefing.version + 1}`}
          </Button>
        )}
        <Button component={Link} to={pathTo(`campaigns/${readiness.campaignId}/briefing`)} size="xs" variant="default">
          Open the briefing
        </Button>
      </Group>
    </ConditionCard>
  );
}

function NoticeCard({ readiness }: { readiness: Readiness }) {
  const notice = readiness.conditions.notice;
  return (
    <ConditionCard condition="notice" met={notice.met} summary={notice.summary}>
      <Text size="xs" c="dimmed">
        At least {plural(notice.minNoticeDays, 'day')} between briefing Sales and the {notice.countedTo} ({formatDay(notice.countedToOn)}): brief by{' '}
        {formatDay(notice.deadline)}.{notice.briefedOn ? ` Briefed on ${formatDay(notice.briefedOn)}.` : ''}
      </Text>
    </ConditionCard>
  );
}

function OverrideModal({ campaignId, blockers, onClose }: { campaignId: string; blockers: Readiness['blockers']; onClose: () => void }) {
  const override = useOverrideLaunch(campaignId);
  return (
    <ReasonModal
      title="Schedule the launch anyway?"
      reason={{ label: 'Reason for the override', description: 'Kept on the campaign and in the audit log, with what it overrode', maxLength: 2000, whenMissing: 'Say why the launch goes ahead anyway' }}
      submitLabel="Override and schedule"
      decide={(reason, callbacks) => override.mutate(reason, callbacks)}
      isPending={override.isPending}
      error={override.error}
      onDone={() => notifySuccess('The launch is scheduled by override. The reason is kept on the campaign and in the audit log.')}
      onClose={onClose}
    >
      <Text size="sm">The launch gate blocks this campaign:</Text>
      <List size="sm" spacing={2}>
        {blockers.map((blocker) => (
          <List.Item key={blocker.condition}>
            <strong>{CONDITION_LABELS[blocker.condition]}:</strong> {blocker.message}
          </List.Item>
        ))}
      </List>
    </ReasonModal>
  );
}

/** Where the launch stands, and the actions on it: schedule (only through the gate), override (admins), unschedule. */
function LaunchBar({ readiness }: { readiness: Readiness }) {
  const { can, details } = useCurrentWorkspace();
  const schedule = useScheduleLaunch(readiness.campaignId);
  const unschedule = useUnscheduleLaunch(readiness.campaignId);
  const [overriding, setOverriding] = useState(false);
  const [unscheduling, setUnscheduling] = useState(false);
  const isDraft = readiness.status === 'draft' && readiness.state !== 'lapsed';
  const blockedReason = readiness.blockers.map((blocker) => `${CONDITION_LABELS[blocker.condition]}: ${blocker.message}`).join('\n');
  const { scheduled, override } = readiness;

  let headline: ReactNode;
  if (readiness.state === 'ready') {
    headline = (
      <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Ready to launch">
        Every condition is met: the launch can be scheduled.
      </Alert>
    );
  } else if (readiness.state === 'blocked') {
    headline = (
      <Alert color="red" variant="light" icon={<IconCircleX />} title={`The launch is blocked by ${plural(readiness.blockers.length, 'condition')}`}>
        <List size="sm" spacing={2}>
          {readiness.blockers.map((blocker) => (
            <List.Item key={blocker.condition}>
              <strong>{CONDITION_LABELS[blocker.condition]}:</strong> {blocker.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  } else if (readiness.state === 'overridden' && override) {
    headline = (
      <Alert color="orange" variant="light" icon={<IconShieldExclamation />} title="Scheduled by override">
        <Text size="sm">
          {override.name ?? 'An admin'} scheduled the launch on {formatDateTime(override.at, details.timeZone)} although the gate blocked it: “{override.reason}”.
        </Text>
        {override.blockers.length > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            It overrode: {override.blockers.map((blocker) => CONDITION_LABELS[blocker.condition].toLowerCase()).join(', ')}.
          </Text>
        )}
      </Alert>
    );
  } else if (readiness.state === 'scheduled') {
    headline = (
      <Alert color="blue" variant="light" icon={<IconRocket />} title={`Scheduled to launch on ${formatDay(readiness.launchOn)}`}>
        {scheduled ? `Scheduled by ${scheduled.name ?? 'someone'} on ${formatDateTime(scheduled.at, details.timeZone)}, with every condition met.` : 'Every condition was met.'}
      </Alert>
    );
  } else if (readiness.state === 'lapsed') {
    headline = (
      <Alert color="gray" variant="light" title="Never launched">
        The launch day passed while the campaign was a draft. Move its dates in the plan to launch it.
      </Alert>
    );
  } else {
    headline = (
      <Alert color={readiness.state === 'live' ? 'green' : 'gray'} variant="light" title={readiness.state === 'live' ? 'Live' : 'Ended'}>
        {readiness.state === 'live' ? `Running until ${formatDay(readiness.endOn)}.` : `Ran from ${formatDay(readiness.launchOn)} to ${formatDay(readiness.endOn)}.`}
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      {headline}
      <ErrorAlert error={schedule.error} title="The launch was not scheduled" />
      <Group gap="xs">
        {isDraft && can('campaigns.edit') && (
          <Button
            leftSection={<IconRocket size={16} />}
            disabled={!readiness.ready}
            title={readiness.ready ? undefined : blockedReason}
            loading={schedule.isPending}
            onClick={() => schedule.mutate(undefined, { onSuccess: () => notifySuccess(`The launch of ${readiness.name} is scheduled for ${formatDay(readiness.launchOn)}.`) })}
          >
            Schedule launch
          </Button>
        )}
        {isDraft && can('campaigns.edit') && !readiness.ready && (
          <Text size="xs" c="dimmed">
            Possible once every condition below is met.
          </Text>
        )}
        {isDraft && !readiness.ready && can('launch.override') && (
          <Button variant="light" color="orange" leftSection={<IconShieldExclamation size={16} />} onClick={() => setOverriding(true)}>
            Override…
          </Button>
        )}
        {readiness.status === 'scheduled' && can('campaigns.edit') && (
          <Button variant="default" onClick={() => setUnscheduling(true)}>
            Unschedule
          </Button>
        )}
      </Group>
      {overriding && <OverrideModal campaignId={readiness.campaignId} blockers={readiness.blockers} onClose={() => setOverriding(false)} />}
      <ConfirmModal
        opened={unscheduling}
        title="Take the launch back to draft?"
        confirmLabel="Unschedule"
        confirmColor="orange"
        onClose={() => {
          unschedule.reset();
          setUnscheduling(false);
        }}
        loading={unschedule.isPending}
        error={unschedule.error}
        onConfirm={() =>
          unschedule.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(`${readiness.name} is a draft again.`);
              setUnscheduling(false);
            },
          })
        }
      >
        The campaign goes back to draft. To launch it, it has to be scheduled again{readiness.override ? ', and the override no longer holds' : ''}.
      </ConfirmModal>
    </Stack>
  );
}

/** The launch gate: each condition with its state and who did what when, the actions of the reader's role, and the launch itself. */
export function GatePanel({ readiness, forecasts }: { readiness: Readiness; forecasts: ProductForecast[] }) {
  const bySku = new Map(forecasts.map((item) => [item.sku, item]));
  const isOpen = readiness.status === 'draft' || readiness.status === 'scheduled';
  return (
    <Stack gap="md">
      <LaunchBar readiness={readiness} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StockCard readiness={readiness} forecasts={bySku} isOpen={isOpen} />
        <ApprovalsCard readiness={readiness} isOpen={isOpen} />
        <BriefingCard readiness={readiness} />
        <NoticeCard readiness={readiness} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Today is {formatDay(readiness.today)} in the workspace’s time zone.
      </Text>
    </Stack>
  );
}
