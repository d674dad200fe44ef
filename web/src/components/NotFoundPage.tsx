import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { CenteredCard } from './CenteredCard.tsx';

/** An address that matches no page. */
export function NotFoundPage() {
  return (
    <CenteredCard title="Page not found" description="There is no page at this address.">
      <Button component={Link} to="/" fullWidth>
        Go to Accord
      </Button>
    </CenteredCard>
  );
}
