import { ApiError } from '../api.ts';
import { CenteredCard } from './CenteredCard.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FullPageLoader } from './FullPageLoader.tsx';

/** A page that could not load. A 401 shows a spinner: the page is already on its way to sign-in. */
export function FullPageError({ error, title = 'Accord could not load this page' }: { error: unknown; title?: string }) {
  if (error instanceof ApiError && error.isUnauthenticated) return <FullPageLoader />;
  return (
    <CenteredCard title={title}>
      <ErrorAlert error={error} title="What happened" />
    </CenteredCard>
  );
}
