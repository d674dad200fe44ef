import { ActionIcon, Button, Group, Paper, Pill, Stack, Text, Tooltip } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WEEKDAYS, type Weekday } from '../../../../../core/schemas/sla.ts';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect.tsx';
import { formatDay } from '../../../format.ts';
import { errorUnder, useSalesFormContext, WEEKDAY_LABELS } from './sales-form.ts';

function DayRow({ day, readOnly }: { day: Weekday; readOnly: boolean }) {
  const form = useSalesFormContext();
  const path = `calendar.hours.${day}`;
  const intervals = form.values.calendar.hours[day];
  const dayError = form.errors[path];
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" component="li" aria-label={WEEKDAY_LABELS[day]} py={4}>
      <Text size="sm" fw={500} w={100} pt={8}>
        {WEEKDAY_LABELS[day]}
      </Text>
      <Stack gap={6} style={{ flex: '0 1 auto' }}>
        {intervals.length === 0 && (
          <Text size="sm" c="dimmed" pt={8}>
            Closed: the SLA clock stands still
          </Text>
        )}
        {intervals.map((_, index) => (
          <Group key={index} gap={6} align="flex-start" wrap="nowrap">
            <TimeInput
              size="sm"
              aria-label={`${WEEKDAY_LABELS[day]} from`}
              readOnly={readOnly}
              w={120}
              {...form.getInputProps(`${path}.${index}.start`)}
            />
            <Text size="sm" pt={8} c="dimmed">
              to
            </Text>
            <TimeInput size="sm" aria-label={`${WEEKDAY_LABELS[day]} to`} readOnly={readOnly} w={120} {...form.getInputProps(`${path}.${index}.end`)} />
            {!readOnly && (
              <Tooltip label="Remove these hours">
                <ActionIcon variant="subtle" color="red" mt={4} onClick={() => form.removeListItem(path, index)} aria-label={`Remove ${WEEKDAY_LABELS[day]} hours ${index + 1}`}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {dayError && (
          <Text size="xs" c="red">
            {String(dayError)}
          </Text>
        )}
      </Stack>
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          mt={4}
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            const last = intervals[intervals.length - 1];
            form.insertListItem(path, last ? { start: last.end < '23:00' ? last.end : '22:00', end: '23:00' } : { start: '09:00', end: '17:00' });
          }}
        >
          {intervals.length === 0 ? 'Open this day' : 'Add hours'}
        </Button>
      )}
    </Group>
  );
}

function Holidays({ readOnly }: { readOnly: boolean }) {
  const form = useSalesFormContext();
  const holidays = form.values.calendar.holidays;
  const error = errorUnder(form.errors, 'calendar.holidays');
  const add = (day: string | null) => {
    if (!day || holidays.includes(day)) return;
    form.setFieldValue('calendar.holidays', [...holidays, day].sort());
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Holidays
      </Text>
      <Text size="xs" c="dimmed">
        Days off for the whole team: the SLA clock stands still on them.
      </Text>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed">
          No holidays.
        </Text>
      ) : (
        <Group gap={6} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Holidays">
          {holidays.map((day) => (
            <li key={day}>
              <Pill
                size="md"
                withRemoveButton={!readOnly}
                onRemove={() => form.setFieldValue('calendar.holidays', holidays.filter((other) => other !== day))}
                removeButtonProps={{ 'aria-label': `Remove ${formatDay(day)}` }}
              >
                {formatDay(day)}
              </Pill>
            </li>
          ))}
        </Group>
      )}
      {!readOnly && <DatePickerInput label="Add a holiday" placeholder="Pick a day" value={null} onChange={(value) => add(value ? String(value).slice(0, 10) : null)} w={{ base: '100%', xs: 220 }} />}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The working calendar the SLA clock counts in: time zone, hours per weekday, holidays. */
export function WorkingHoursFields({ readOnly }: { readOnly: boolean }) {
  const form = useSalesFormContext();
  const hoursError = form.errors['calendar.hours'];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <TimeZoneSelect
          description="Working hours are read in this time zone"
          readOnly={readOnly}
          w={{ base: '100%', sm: 360 }}
          {...form.getInputProps('calendar.timeZone')}
        />
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            Working hours
          </Text>
          <Text size="xs" c="dimmed">
            First contact is due within the contract’s number of these hours after the handover.
          </Text>
          <Stack gap={0} component="ul" m={0} mt="xs" p={0} style={{ listStyle: 'none' }}>
            {WEEKDAYS.map((day) => (
              <DayRow key={day} day={day} readOnly={readOnly} />
            ))}
          </Stack>
          {hoursError && (
            <Text size="xs" c="red">
              {String(hoursError)}
            </Text>
          )}
        </Stack>
        <Holidays readOnly={readOnly} />
      </Stack>
    </Paper>
  );
}
