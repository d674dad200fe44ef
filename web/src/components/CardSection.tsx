import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionHeading } from './SectionHeading.tsx';

type Props = {
  title: string;
  description?: ReactNode;
  /** The heading's level: 2 for a part of the page, 3 for a part inside a titled section. */
  order?: 2 | 3;
  children: ReactNode;
};

/** A titled part of a form, on its own card. */
export function CardSection({ title, description, order = 2, children }: Props) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Stack gap="md">
        <SectionHeading title={title} description={description} order={order} />
        {children}
      </Stack>
    </Paper>
  );
}
