import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { OFFER_KINDS } from '../../../../core/schemas/campaigns.ts';
import { fieldErrorsOf } from '../../api.ts';
import { CardSection } from '../../components/CardSection.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifySuccess } from '../../notify.ts';
import type { CampaignPlan, Member, OfferKind } from '../../types.ts';
import { useProductOptions } from '../products/use-products.ts';
import { useMembers } from '../settings/members/use-members.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { OFFER_KIND_LABELS, PRODUCT_KIND_LABELS } from './campaign-text.ts';
import { emptyPlan, planFormErrors, toFormValues, toRequest, type PlanFormValues } from './plan-form.ts';
import { useCampaignPlan, useCreatePlan, useUpdatePlan } from './use-campaigns.ts';

type Form = UseFormReturnType<PlanFormValues>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Typed days: ISO (2026-12-14) as well as what the field shows. */
function parseDay(value: string): string | null {
  const text = value.trim();
  if (ISO_DAY.test(text)) return text;
  const parsed = Date.parse(`${text} 12:00 UTC`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function DayField({ form, path, label, description, required = false }: { form: Form; path: 'announceOn' | 'launchOn' | 'endOn'; label: string; description: string; required?: boolean }) {
  return (
    <DateInput
      label={label}
      description={description}
      placeholder="YYYY-MM-DD"
      valueFormat="D MMM YYYY"
      dateParser={parseDay}
      clearable={!required}
      withAsterisk={required}
      {...form.getInputProps(path)}
    />
  );
}


function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" onClick={onClick} aria-label={label} mt={{ base: 0, sm: 26 }}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

function AddButton({ children, onClick }: { children: string; onClick: () => void }) {
  return (
    <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick} w="fit-content">
      {children}
    </Button>
  );
}

/** A list of sentences (key messages, talking points), one field each. */
function TextList({ form, path, label, addLabel, placeholder }: { form: Form; path: 'keyMessages' | 'talkingPoints'; label: string; addLabel: string; placeholder: string }) {
  const lines = form.values[path];
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {lines.map((_, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Textarea
            aria-label={`${label} ${index + 1}`}
            placeholder={placeholder}
            autosize
            minRows={1}
            style={{ flex: 1 }}
            {...form.getInputProps(`${path}.${index}`)}
          />
          <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem(path, index)} aria-label={`Remove ${label.toLowerCase()} ${index + 1}`} mt={6}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <AddButton onClick={() => form.insertListItem(path, '')}>{addLabel}</AddButton>
    </Stack>
  );
}

function ProductRows({ form }: { form: Form }) {
  const [search, setSearch] = useState('');
  const options = useProductOptions(search);
  const products = options.data?.items ?? [];
  const bySku = new Map(products.map((product) => [product.sku, product]));
  return (
    <Stack gap="sm">
      {form.values.products.length === 0 && (
        <Text size="sm" c="dimmed">
          No product yet. Add the products on offer and the promo items given away, so Operations can confirm the stock.
        </Text>
      )}
      {form.values.products.map((row, index) => {
        const product = bySku.get(row.sku.trim());
        return (
          <Paper key={index} withBorder radius="md" p="sm" bg="gray.0" role="group" aria-label={`Product ${index + 1}`}>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Autocomplete
                label="SKU"
                placeholder="Type a SKU or name"
                data={products.map((p) => ({ value: p.sku, label: p.sku }))}
                renderOption={({ option }) => (
                  <Stack gap={0}>
                    <Text size="sm">{option.value}</Text>
                    <Text size="xs" c="dimmed">
                      {bySku.get(option.value)?.name}
                    </Text>
                  </Stack>
                )}
                filter={({ options: all, search: typed }) => {
                  const needle = typed.trim().toLowerCase();
                  return all.filter((option) => {
                    if (!('value' in option)) return false;
                    const name = bySku.get(option.value)?.name ?? '';
                    return option.value.toLowerCase().includes(needle) || name.toLowerCase().includes(needle);
                  });
                }}
                limit={50}
                w={{ base: '100%', sm: 200 }}
                description={product ? `${product.name} (${PRODUCT_KIND_LABELS[product.kind].toLowerCase()})` : row.sku ? 'Not a known SKU' : ' '}
                {...form.getInputProps(`products.${index}.sku`)}
                onChange={(value) => {
                  form.setFieldValue(`products.${index}.sku`, value);
                  setSearch(value);
                }}
              />
              <NumberInput
                label="Uplift %"
                description="Blank: the campaign’s"
                placeholder="Campaign’s"
                w={{ base: '45%', sm: 140 }}
                decimalScale={2}
                {...form.getInputProps(`products.${index}.upliftPercent`)}
              />
              {(product?.kind ?? 'promo_item') === 'promo_item' && (
                <NumberInput
                  label="Given per unit sold"
                  description="Promo items: 1 basin per pack"
                  placeholder="1"
                  w={{ base: '45%', sm: 170 }}
                  decimalScale={2}
                  {...form.getInputProps(`products.${index}.perUnit`)}
                />
              )}
              <RemoveButton label={`Remove product ${index + 1}`} onClick={() => form.removeListItem('products', index)} />
            </Group>
          </Paper>
        );
      })}
      <AddButton onClick={() => form.insertListItem('products', { sku: '', upliftPercent: '', perUnit: '' })}>Add a product or promo item</AddButton>
    </Stack>
  );
}

function memberOptions(members: Member[], roles: readonly string[] | null) {
  return members
    .filter((member) => roles === null || roles.includes(member.role))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((member) => ({ value: member.userId, label: `${member.name} (${ROLE_LABELS[member.role]})` }));
}

function PlanForm({ plan, members }: { plan: CampaignPlan | null; members: Member[] }) {
  const { user, pathTo } = useCurrentWorkspace();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const save = plan ? update : create;
  const form = useForm<PlanFormValues>({
    initialValues: plan ? toFormValues(plan) : emptyPlan(user.id),
    validate: {
      name: (value) => (value.trim() ? null : 'Give the campaign a name'),
      launchOn: (value) => (value ? null : 'Choose the launch day'),
      endOn: (value) => (value ? null : 'Choose the last day'),
    },
  });
  const { onForm } = planFormErrors(fieldErrorsOf(save.error));
  const owners = useMemo(() => memberOptions(members, null), [members]);
  const reps = useMemo(() => memberOptions(members, ['sales_rep', 'sales_manager']), [members]);
  const offerKind = form.values.offer.kind;

  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values), {
      onSuccess: (saved) => {
        notifySuccess(
          plan
            ? plan.status === 'scheduled'
              ? `${saved.name} is saved and back to draft: its launch has to pass the gate again.`
              : `${saved.name} is saved.`
            : `${saved.name} is planned. Next: Operations confirms stock, the offer is approved and Sales is briefed.`,
        );
        void navigate(pathTo(`campaigns/${saved.id}`));
      },
      onError: (error) => form.setErrors(planFormErrors(fieldErrorsOf(error)).errors),
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Campaign plan">
      <Stack gap="lg">
        {plan?.status === 'scheduled' && (
          <Alert color="yellow" variant="light">
            This campaign is scheduled. Saving a change takes it back to draft: the launch gate has to be passed again.
          </Alert>
        )}
        <CardSection title="The campaign" description="What it is for, who runs it and where it is seen.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Name" placeholder="Free washing basin with every 5 L" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Type" placeholder="Promotion, launch, event…" {...form.getInputProps('type')} />
          </SimpleGrid>
          <Textarea label="Objective" placeholder="What the campaign should achieve" autosize minRows={2} {...form.getInputProps('objective')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label="Owner" data={owners} searchable allowDeselect={false} {...form.getInputProps('ownerId')} />
            <TagsInput label="Channels" description="Press Enter after each" placeholder="tv, retail, email…" {...form.getInputProps('channels')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Textarea label="Audience" placeholder="Who the campaign speaks to" autosize minRows={1} {...form.getInputProps('audience')} />
            <TagsInput label="Segments" description="Two offers to the same segment at once are flagged" placeholder="families, retailers…" {...form.getInputProps('segments')} />
          </SimpleGrid>
        </CardSection>

        <CardSection title="Dates" description="Days in the workspace’s calendar. Sales must be briefed the minimum notice before the announcement (or the launch).">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DayField form={form} path="announceOn" label="Announcement day" description="Optional: when customers first hear of it" />
            <DayField form={form} path="launchOn" label="Launch day" description="First day of the offer" required />
            <DayField form={form} path="endOn" label="Last day" description="Included" required />
          </SimpleGrid>
        </CardSection>

        <CardSection title="Offer" description="A price or a discount needs the approval of the marketing lead and the sales manager (and Finance above the threshold).">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Offer"
              data={OFFER_KINDS.map((kind) => ({ value: kind, label: OFFER_KIND_LABELS[kind] }))}
              allowDeselect={false}
              {...form.getInputProps('offer.kind')}
              onChange={(value) => form.setFieldValue('offer.kind', (value ?? 'none') as OfferKind)}
            />
            <NumberInput label="Expected uplift %" description="More demand than usual during the campaign: 40 means 40 % more" decimalScale={2} {...form.getInputProps('upliftPercent')} />
          </SimpleGrid>
          {offerKind !== 'none' && (
            <>
              <Textarea label="Offer description" placeholder="A washing basin free with every 5 L pack" autosize minRows={1} {...form.getInputProps('offer.description')} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NumberInput label="Discount %" description={offerKind === 'discount' ? 'Required for a discount' : 'Off the list price, if any'} decimalScale={2} {...form.getInputProps('offer.discountPercent')} />
                <NumberInput label="Promotional price" description="In the currency below, if any" decimalScale={4} {...form.getInputProps('offer.price')} />
                <TextInput label="Currency" description="ISO code, such as EUR" maxLength={3} {...form.getInputProps('currency')} />
              </SimpleGrid>
            </>
          )}
        </CardSection>

        <CardSection title="Products and promo items" description="What the campaign sells and gives away. The forecast and Operations’ stock confirmation are per SKU.">
          <ProductRows form={form} />
        </CardSection>

        <CardSection title="Sales briefing" description="What reps need to answer customers. Published as the briefing reps acknowledge.">
          <MultiSelect
            label="Reps to brief"
            description="Leave empty to brief every sales rep"
            placeholder={form.values.repIds.length === 0 ? 'Every sales rep' : undefined}
            data={reps}
            searchable
            clearable
            {...form.getInputProps('repIds')}
          />
          <TextList form={form} path="keyMessages" label="Key messages" addLabel="Add a key message" placeholder="Cleaner laundry for less" />
          <TextList form={form} path="talkingPoints" label="Talking points" addLabel="Add a talking point" placeholder="The basin comes in the same box" />
          <Stack gap="xs" role="group" aria-label="FAQ">
            <Text size="sm" fw={500}>
              FAQ
            </Text>
            {form.values.faq.map((_, index) => (
              <Paper key={index} withBorder radius="md" p="sm" bg="gray.0">
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <Stack gap="xs" style={{ flex: 1 }}>
                    <TextInput label={`Question ${index + 1}`} {...form.getInputProps(`faq.${index}.question`)} />
                    <Textarea label={`Answer ${index + 1}`} autosize minRows={1} {...form.getInputProps(`faq.${index}.answer`)} />
                  </Stack>
                  <RemoveButton label={`Remove question ${index + 1}`} onClick={() => form.removeListItem('faq', index)} />
                </Group>
              </Paper>
            ))}
            <AddButton onClick={() => form.insertListItem('faq', { question: '', answer: '' })}>Add a question</AddButton>
          </Stack>
          <Stack gap="xs" role="group" aria-label="Assets">
            <Text size="sm" fw={500}>
              Assets
            </Text>
            {form.values.assets.map((_, index) => (
              <Group key={index} gap="sm" align="flex-start" wrap="wrap">
                <TextInput label={`Asset ${index + 1} title`} placeholder="TV spot" w={{ base: '100%', sm: 220 }} {...form.getInputProps(`assets.${index}.title`)} />
                <TextInput label={`Asset ${index + 1} address`} placeholder="https://…" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps(`assets.${index}.url`)} />
                <RemoveButton label={`Remove asset ${index + 1}`} onClick={() => form.removeListItem('assets', index)} />
              </Group>
            ))}
            <AddButton onClick={() => form.insertListItem('assets', { title: '', url: '' })}>Add an asset</AddButton>
          </Stack>
        </CardSection>

        <CardSection title="Budget and spend" description="Lines of budget and what is spent; the campaign’s budget and spend are their sums.">
          {form.values.spendLines.map((_, index) => (
            <Group key={index} gap="sm" align="flex-start" wrap="wrap" role="group" aria-label={`Budget line ${index + 1}`}>
              <TextInput label="Line" placeholder="TV airtime" style={{ flex: 1, minWidth: 180 }} {...form.getInputProps(`spendLines.${index}.label`)} />
              <NumberInput label="Budget" w={{ base: '45%', sm: 150 }} decimalScale={4} thousandSeparator {...form.getInputProps(`spendLines.${index}.budget`)} />
              <NumberInput label="Spent" w={{ base: '45%', sm: 150 }} decimalScale={4} thousandSeparator {...form.getInputProps(`spendLines.${index}.spend`)} />
              <RemoveButton label={`Remove budget line ${index + 1}`} onClick={() => form.removeListItem('spendLines', index)} />
            </Group>
          ))}
          <AddButton onClick={() => form.insertListItem('spendLines', { label: '', budget: '', spend: '' })}>Add a budget line</AddButton>
        </CardSection>

        <ErrorAlert error={save.error} formFields={onForm} />
        <Paper withBorder radius="md" p="md" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => void navigate(plan ? pathTo(`campaigns/${plan.id}`) : pathTo('calendar'))}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {plan ? 'Save the plan' : 'Create the campaign'}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

/** `/w/:slug/campaigns/new` and `/w/:slug/campaigns/:id/edit`: the campaign's plan, checked by the server field by field. */
export function CampaignEditorPage() {
  const { id } = useParams();
  useDocumentTitle(id ? 'Edit campaign' : 'New campaign');
  const { pathTo } = useCurrentWorkspace();
  const members = useMembers();
  return (
    <Stack gap="lg">
      <BackLink to={id ? pathTo(`campaigns/${id}`) : pathTo('calendar')} label={id ? 'Campaign' : 'Campaign calendar'} />
      <PageHeader title={id ? 'Edit campaign' : 'New campaign'} description="Plan the campaign or promotion. It stays a draft until it passes the launch gate." />
      <QueryStatus query={members} label="Loading the members">{(list) => (id ? <EditPlan id={id} members={list} /> : <PlanForm plan={null} members={list} />)}</QueryStatus>
    </Stack>
  );
}

function EditPlan({ id, members }: { id: string; members: Member[] }) {
  const plan = useCampaignPlan(id);
  return (
    <QueryStatus query={plan} label="Loading the plan">
      {(data) =>
        data.status === 'live' || data.status === 'ended' ? (
          <Alert color="gray" icon={<IconLock />} title={`This campaign is ${data.status}`}>
            Its plan no longer changes. Budget and spend can still be recorded on the campaign’s page.
          </Alert>
        ) : (
          <PlanForm key={data.updatedAt} plan={data} members={members} />
        )
      }
    </QueryStatus>
  );
}
