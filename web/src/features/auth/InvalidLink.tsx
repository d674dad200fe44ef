import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api.ts';
import { CenteredCard } from '../../components/CenteredCard.tsx';

/** Shown when a one-time link or invitation is unknown, expired, revoked or already used. */
export function InvalidLink({ error }: { error: unknown }) {
  return (
    <CenteredCard
      title="This link can't be used"
      description={`${errorMessage(error)} If you already have a password, you can sign in.`}
    >
      <Button component={Link} to="/sign-in" variant="light" fullWidth>
        Go to sign in
      </Button>
    </CenteredCard>
  );
}
