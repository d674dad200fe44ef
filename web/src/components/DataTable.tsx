import { Paper, Table, type TableTdProps, type TableThProps, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

type TableCardProps = {
  /** Below this width the table scrolls sideways inside the card instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
  label?: string;
  /** Narrower column gaps, for tables with many number columns. */
  dense?: boolean;
};

/** A table in a bordered card; when it is wider than the screen it scrolls sideways inside the card. */
export function TableCard({ minWidth, children, label, dense = false }: TableCardProps) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table verticalSpacing="sm" horizontalSpacing={dense ? 'sm' : 'md'} highlightOnHover aria-label={label}>
          {children}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

const NUMERIC = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** A column heading over numbers: right-aligned like the numbers under it. */
export function NumTh({ style, ...props }: TableThProps) {
  return <Table.Th {...props} style={[NUMERIC, style]} />;
}

/** A cell holding a number: right-aligned, digits of equal width, never wrapped. */
export function NumTd({ style, ...props }: TableTdProps) {
  return <Table.Td {...props} style={[NUMERIC, style]} />;
}

/**
 * A row that opens a page when clicked anywhere. Keyboard and screen reader users use the real
 * link the row must also contain (usually on its name); clicks on links and buttons inside are left alone.
 */
export function LinkedRow({ to, children, ...props }: { to: string; children: ReactNode } & Omit<TableTrProps, 'onClick' | 'style'>) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      {...props}
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button, input')) return;
        if (window.getSelection()?.toString()) return;
        void navigate(to);
      }}
    >
      {children}
    </Table.Tr>
  );
}
