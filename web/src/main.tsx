import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, router } from './App.tsx';
import { createQueryClient } from './query-client.ts';
import { theme } from './theme.ts';

const PUBLIC_PATHS = ['/sign-in', '/link/', '/invite/'];

const queryClient = createQueryClient(() => {
  const { pathname, search } = router.state.location;
  if (PUBLIC_PATHS.some((path) => pathname.startsWith(path))) return;
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  // Cached data is dropped when the next session starts (see use-enter-app.ts).
  void router.navigate(`/sign-in${next}`, { replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
