import { Accordion, Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconExternalLink, IconEye } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../components/BackLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { TableCard } from '../../components/DataTable.tsx';
import { formatDateTime, formatDay, formatMoney, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifyError, notifySuccess } from '../../notify.ts';
import type { Briefing, BriefingContent } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { OFFER_KIND_LABELS, PRODUCT_KIND_LABELS, formatNumber } from './campaign-text.ts';
import { useAcknowledgeBriefing, useBriefing, usePublishBriefing } from './use-campaigns.ts';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <List size="md" spacing={6}>
      {lines.map((line, index) => (
        <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}

/** What a rep needs in front of a customer: the offer, the dates, the products, what to say and the answers. */
function Content({ content }: { content: BriefingContent }) {
  const { offer } = content;
  return (
    <Stack gap="md">
      <Block title="The offer">
        <Text fw={600}>{OFFER_KIND_LABELS[offer.kind]}</Text>
        {offer.description && <Text style={{ overflowWrap: 'anywhere' }}>{offer.description}</Text>}
        {(offer.discountPercent !== null || offer.priceMinor !== null) && (
          <Text>
            {[offer.discountPercent !== null ? `${formatNumber(offer.discountPercent)} % off the list price` : null, offer.priceMinor !== null ? `Promotional price ${formatMoney(offer.priceMinor, content.currency)}` : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {content.objective && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            Why: {content.objective}
          </Text>
        )}
      </Block>
      <Block title="Dates">
        <Stack gap={4}>
          {content.announceOn && (
            <Text>
              Announced to customers on <strong>{formatDay(content.announceOn)}</strong>
            </Text>
          )}
          <Text>
            Runs from <strong>{formatDay(content.launchOn)}</strong> to <strong>{formatDay(content.endOn)}</strong>
          </Text>
          {content.channels.length > 0 && <Text size="sm">Seen on: {content.channels.join(', ')}</Text>}
          {(content.audience || content.segments.length > 0) && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              For: {[content.audience, content.segments.length > 0 ? content.segments.join(', ') : null].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      </Block>
      <Block title="Products">
        {content.products.length === 0 ? (
          <Text c="dimmed">No product is listed.</Text>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {content.products.map((product) => (
              <Group key={product.sku} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Text style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  <strong>{product.sku}</strong> {product.name}
                </Text>
                <Badge variant="light" color={product.kind === 'promo_item' ? 'grape' : 'gray'} tt="none" style={{ flexShrink: 0 }}>
                  {product.kind === 'promo_item' ? 'Given away' : PRODUCT_KIND_LABELS[product.kind]}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Block>
      {content.keyMessages.length > 0 && (
        <Block title="Key messages">
          <Lines lines={content.keyMessages} />
        </Block>
      )}
      {content.talkingPoints.length > 0 && (
        <Block title="Talking points">
          <Lines lines={content.talkingPoints} />
        </Block>
      )}
      {content.faq.length > 0 && (
        <Block title="FAQ">
          <Accordion variant="separated" multiple defaultValue={content.faq.map((_, index) => String(index))}>
            {content.faq.map((entry, index) => (
              <Accordion.Item key={index} value={String(index)}>
                <Accordion.Control>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {entry.question}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{entry.answer}</Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Block>
      )}
      {content.assets.length > 0 && (
        <Block title="Assets">
          <List spacing={6}>
            {content.assets.map((asset, index) => (
              <List.Item key={index}>
                <Anchor href={asset.url} target="_blank" rel="noopener noreferrer">
                  {asset.title} <IconExternalLink size={14} />
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Block>
      )}
    </Stack>
  );
}

/** The signed-in rep's acknowledgement of the latest version, or the button to give it. */
function MyAcknowledgement({ briefing }: { briefing: Briefing }) {
  const { user, details } = useCurrentWorkspace();
  const acknowledge = useAcknowledgeBriefing(briefing.campaignId);
  const mine = briefing.reps.find((rep) => rep.userId === user.id);
  if (!mine || !briefing.published) return null;
  const ack = mine.acknowledgement;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Your acknowledgement" bg={ack ? 'teal.0' : 'blue.0'}>
      <Stack gap="sm">
        {ack ? (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} aria-hidden />
            <Text>
              You acknowledged briefing v{briefing.published.version} on {formatDateTime(ack.at, details.timeZone)}
              {ack.isOnBehalf ? ` (recorded for you by ${ack.name ?? 'your manager'})` : ''}.
            </Text>
          </Group>
        ) : (
          <Text>By acknowledging, you confirm you read this briefing (v{briefing.published.version}) and can answer customers about it.</Text>
        )}
        <ErrorAlert error={acknowledge.error} title="Not acknowledged" />
        {!ack && (
          <Button
            size="md"
            fullWidth
            color="teal"
            leftSection={<IconCircleCheck size={18} />}
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate(undefined, { onSuccess: () => notifySuccess('Thank you: your acknowledgement is recorded.') })}
          >
            Acknowledge
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The reps briefed and whether they acknowledged; a sales manager acknowledges for a rep (after a call, say). */
function RepsSection({ briefing }: { briefing: Briefing }) {
  const { can, details } = useCurrentWorkspace();
  const acknowledge = useAcknowledgeBriefing(briefing.campaignId);
  const [repId, setRepId] = useState<string | null>(null);
  const canActForReps = can('sales.manage') && can('briefings.acknowledge') && briefing.published !== null;
  const waiting = briefing.reps.filter((rep) => !rep.acknowledgement);
  return (
    <Block title="Reps">
      <Text size="sm" c="dimmed">
        {briefing.published ? `${briefing.acknowledged} of ${plural(briefing.expected, 'rep')} acknowledged v${briefing.published.version}.` : `${plural(briefing.expected, 'rep')} will be asked to acknowledge once it is published.`}
      </Text>
      {briefing.reps.length > 0 && (
        <TableCard minWidth={320} label="Reps and their acknowledgement">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th>Acknowledgement</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {briefing.reps.map((rep) => (
              <Table.Tr key={rep.userId}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{rep.name}</Table.Td>
                <Table.Td>
                  {rep.acknowledgement ? (
                    <Stack gap={0}>
                      <Badge color="teal" variant="light" tt="none" w="fit-content">
                        Acknowledged
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(rep.acknowledgement.at, details.timeZone)}
                        {rep.acknowledgement.isOnBehalf ? ` by ${rep.acknowledgement.name ?? 'a manager'}` : ''}
                      </Text>
                    </Stack>
                  ) : (
                    <Badge color="gray" variant="light" tt="none">
                      {briefing.published ? 'Not yet' : 'Not published'}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {canActForReps && waiting.length > 0 && (
        <Stack gap="xs">
          <ErrorAlert error={acknowledge.error} title="Not acknowledged" />
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="Acknowledge for a rep"
              description="When you briefed them yourself"
              placeholder="Choose a rep"
              data={waiting.map((rep) => ({ value: rep.userId, label: rep.name }))}
              value={repId}
              onChange={setRepId}
              w={{ base: '100%', xs: 260 }}
            />
            <Button
              variant="light"
              disabled={!repId}
              loading={acknowledge.isPending}
              onClick={() =>
                repId &&
                acknowledge.mutate(repId, {
                  onSuccess: () => {
                    notifySuccess(`Acknowledged for ${briefing.reps.find((rep) => rep.userId === repId)?.name ?? 'the rep'}.`);
                    setRepId(null);
                  },
                })
              }
            >
              Acknowledge for rep
            </Button>
          </Group>
        </Stack>
      )}
    </Block>
  );
}

function BriefingView({ briefing }: { briefing: Briefing }) {
  const { can, workspace, details, pathTo, user } = useCurrentWorkspace();
  const publish = usePublishBriefing(briefing.campaignId);
  useDocumentTitle(`Briefing: ${briefing.name}`);
  const published = briefing.published;
  const canPublish = can('campaigns.edit') && briefing.status !== 'ended' && !(published && briefing.isCurrent);
  const showReps = workspace.role !== 'sales_rep';
  const mine = briefing.reps.find((rep) => rep.userId === user.id);
  const publishButton = canPublish && (
    <Button
      onClick={() =>
        publish.mutate(undefined, {
          onSuccess: (next) => notifySuccess(`Briefing v${next.published?.version ?? ''} is published. The reps and their managers are told.`),
          onError: (error) => notifyError('Could not publish the briefing', error),
        })
      }
      loading={publish.isPending}
      w="fit-content"
    >
      {published ? `Publish v${published.version + 1}` : 'Publish briefing'}
    </Button>
  );
  return (
    <Stack gap="md" maw={800}>
      <BackLink to={pathTo(`campaigns/${briefing.campaignId}`)} label="Campaign" />
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          Sales briefing
        </Text>
        <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
          {briefing.name}
        </Title>
        <Text size="sm" c="dimmed">
          {published
            ? `Version ${published.version}, published ${formatDateTime(published.publishedAt, details.timeZone)}${published.publishedByName ? ` by ${published.publishedByName}` : ''}`
            : 'Not published yet'}
        </Text>
        {published && mine && (
          <Badge color={mine.acknowledgement ? 'teal' : 'orange'} variant={mine.acknowledgement ? 'light' : 'filled'} tt="none" w="fit-content">
            {mine.acknowledgement ? 'You acknowledged it' : 'Read it, then acknowledge at the bottom'}
          </Badge>
        )}
      </Stack>
      {!published && (
        <Alert color="gray" variant="light" icon={<IconEye />} title="Preview">
          <Stack gap="xs">
            <Text size="sm">This is the briefing as the campaign stands. Reps are asked to acknowledge it once it is published.</Text>
            {publishButton}
          </Stack>
        </Alert>
      )}
      {published && !briefing.isCurrent && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="The campaign changed since this version">
          <Stack gap="xs">
            <Text size="sm">Shown is version {published.version} as the reps read it. Publish the briefing again so they acknowledge what changed.</Text>
            {publishButton}
          </Stack>
        </Alert>
      )}
      <Content content={published?.content ?? briefing.content} />
      <MyAcknowledgement briefing={briefing} />
      {showReps && <RepsSection briefing={briefing} />}
    </Stack>
  );
}

/** `/w/:slug/campaigns/:id/briefing`: one page a rep reads on a phone, then acknowledges. */
export function BriefingPage() {
  const { id = '' } = useParams();
  const briefing = useBriefing(id);
  return (
    <QueryStatus query={briefing} label="Loading the briefing">
      {(data) => <BriefingView briefing={data} />}
    </QueryStatus>
  );
}
