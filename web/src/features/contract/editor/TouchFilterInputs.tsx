import { MultiSelect, NumberInput, TextInput } from '@mantine/core';
import { TOUCHPOINT_TYPES } from '../../../../../core/funnel/stages.ts';
import type { Campaign } from '../../../types.ts';
import { TOUCHPOINT_LABELS } from '../contract-text.ts';
import type { EditableTouchFilter } from './editor-model.ts';
import { errorUnder, useEditorFormContext } from './editor-form.ts';

const TYPE_OPTIONS = TOUCHPOINT_TYPES.map((type) => ({ value: type, label: TOUCHPOINT_LABELS[type] }));

type Props = { path: string; filter: EditableTouchFilter; name: string; campaigns: Campaign[] };

/** Which touchpoints a rule counts: every filter given must match; an empty one matches all. */
export function TouchFilterInputs({ path, filter, name, campaigns }: Props) {
  const form = useEditorFormContext();
  // Campaigns named in the rule but not among those loaded still show, by id.
  const campaignOptions = [
    ...campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name })),
    ...filter.campaignIds.filter((id) => !campaigns.some((campaign) => campaign.id === id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <>
      <MultiSelect
        size="xs"
        label="Touchpoint types"
        placeholder={filter.touchpointTypes.length === 0 ? 'Any type' : undefined}
        data={TYPE_OPTIONS}
        value={filter.touchpointTypes}
        onChange={(value) => form.setFieldValue(`${path}.touchpointTypes`, value)}
        error={errorUnder(form.errors, `${path}.touchpointTypes`)}
        aria-label={`Touchpoint types of ${name}`}
        style={{ flex: '2 1 170px' }}
      />
      <TextInput
        size="xs"
        label="URL pattern"
        placeholder="Any address, e.g. /pricing"
        {...form.getInputProps(`${path}.urlPattern`)}
        aria-label={`URL pattern of ${name}`}
        style={{ flex: '2 1 140px' }}
      />
      <MultiSelect
        size="xs"
        label="Campaigns"
        placeholder={filter.campaignIds.length === 0 ? 'Any campaign' : undefined}
        data={campaignOptions}
        value={filter.campaignIds}
        onChange={(value) => form.setFieldValue(`${path}.campaignIds`, value)}
        searchable
        error={errorUnder(form.errors, `${path}.campaignIds`)}
        aria-label={`Campaigns of ${name}`}
        style={{ flex: '2 1 150px' }}
      />
      <TextInput
        size="xs"
        label="Channel"
        placeholder="Any"
        {...form.getInputProps(`${path}.channel`)}
        aria-label={`Channel of ${name}`}
        style={{ flex: '1 1 90px' }}
      />
      <NumberInput
        size="xs"
        label="Within days"
        placeholder="Any time"
        min={1}
        allowDecimal={false}
        {...form.getInputProps(`${path}.withinDays`)}
        aria-label={`Within days of ${name}`}
        style={{ flex: '1 1 90px' }}
      />
      <NumberInput
        size="xs"
        label="Min. touches"
        placeholder="1"
        min={1}
        allowDecimal={false}
        {...form.getInputProps(`${path}.minCount`)}
        aria-label={`Minimum touches of ${name}`}
        style={{ flex: '1 1 90px' }}
      />
    </>
  );
}
