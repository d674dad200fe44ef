import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import type { TokenCreated } from '../../../types.ts';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { NewTokenModal } from './NewTokenModal.tsx';
import { TokensTable } from './TokensTable.tsx';
import { useTokens } from './use-tokens.ts';

/** Settings > API tokens: keys that let other tools use this workspace's API. */
export function TokensPage() {
  useDocumentTitle('API tokens');
  const tokens = useTokens();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title="API tokens"
        description="A token lets a script or another tool use Accord's API on behalf of this workspace. Give each tool its own token, with only the permissions it needs."
      />
      <CreateTokenForm onCreated={setCreated} />
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Tokens
        </Title>
        <QueryStatus query={tokens}>{(items) => <TokensTable tokens={items} />}</QueryStatus>
      </Stack>
      <NewTokenModal created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
