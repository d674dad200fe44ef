import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZones } from '../format.ts';

type Props = Omit<SelectProps, 'data' | 'searchable'>;

/** A searchable list of every IANA time zone the browser knows. */
export function TimeZoneSelect(props: Props) {
  const data = useMemo(() => timeZones(), []);
  return <Select label="Time zone" searchable allowDeselect={false} limit={100} nothingFoundMessage="No time zone matches" {...props} data={data} />;
}
