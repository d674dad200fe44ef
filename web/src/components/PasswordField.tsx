import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** A password input whose show/hide button does not compete with the field for the label "Password". */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the typed characters' }} {...props} />;
}
