import { Code, Table, Text } from '@mantine/core';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';

export type LineError = { line: number; field: string; message: string; value?: string };

/** The problems of a CSV file, line by line: the column, what is wrong, and the value found there. */
export function LineErrorsTable({ errors, label }: { errors: readonly LineError[]; label: string }) {
  return (
    <TableCard minWidth={680} label={label}>
      <Table.Thead>
        <Table.Tr>
          <NumTh w={70}>Line</NumTh>
          <Table.Th>Column</Table.Th>
          <Table.Th>Problem</Table.Th>
          <Table.Th>Value found</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((error, index) => (
          <Table.Tr key={`${error.line}-${error.field}-${index}`}>
            <NumTd>{error.line}</NumTd>
            <Table.Td>
              <Code>{error.field}</Code>
            </Table.Td>
            <Table.Td>{error.message}</Table.Td>
            <Table.Td maw={240} style={{ overflowWrap: 'anywhere' }}>
              {error.value === undefined || error.value === '' ? (
                <Text span c="dimmed" size="sm">
                  (empty)
                </Text>
              ) : (
                error.value
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
