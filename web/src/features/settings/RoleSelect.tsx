import { Select, type SelectProps } from '@mantine/core';
import { ROLES, ROLE_LABELS, type Role } from '../../../../core/permissions.ts';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type Props = Omit<SelectProps, 'data' | 'onChange' | 'value'> & { value: Role; onChange: (role: Role) => void };

export function RoleSelect({ value, onChange, ...props }: Props) {
  return (
    <Select
      allowDeselect={false}
      {...props}
      data={ROLE_OPTIONS}
      value={value}
      onChange={(next) => {
        if (next && next !== value) onChange(next as Role);
      }}
    />
  );
}
