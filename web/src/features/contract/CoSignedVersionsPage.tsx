import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import type { CoSignedDoc } from './co-signed.ts';
import { useVersions } from './use-co-signed.ts';
import { NewDraftButton } from './VersionHeader.tsx';
import { VersionsTable } from './VersionsTable.tsx';

type Props = {
  doc: CoSignedDoc;
  description: string;
  /** The section on the version in force: its title and description, the version shown, and what shows while none is. */
  active: { title: string; description: string; show: (version: number) => ReactNode; none: (canEdit: boolean) => ReactNode };
};

/** The page of a co-signed document: the version in force, and every version with who signed it. */
export function CoSignedVersionsPage({ doc, description, active }: Props) {
  useDocumentTitle(doc.title);
  const { can } = useCurrentWorkspace();
  const versions = useVersions(doc);
  const inForce = versions.data?.find((version) => version.status === 'active');
  return (
    <Stack gap="lg">
      <PageHeader
        title={doc.title}
        description={description}
        actions={
          <Group gap="sm" align="flex-start">
            {versions.isFetching && versions.data && <Loader size="sm" mt={8} aria-label="Updating the versions" />}
            {can(doc.edit) && <NewDraftButton doc={doc} />}
          </Group>
        }
      />
      <QueryStatus query={versions} label={`Loading the ${doc.title.toLowerCase()}`}>
        {(items) => (
          <Stack gap="xl">
            <Section title={active.title} description={active.description}>
              {inForce ? (
                active.show(inForce.version)
              ) : (
                <Paper withBorder radius="md" p="lg">
                  {active.none(can(doc.edit))}
                </Paper>
              )}
            </Section>
            <Section title="Versions" description="Newest first. Open a version to read it, comment, or sign it.">
              {items.length === 0 ? (
                <Paper withBorder radius="md" p="lg">
                  <Text size="sm" c="dimmed">
                    No versions yet. A first draft starts from {doc.startsFrom}, which you can change.
                  </Text>
                </Paper>
              ) : (
                <VersionsTable doc={doc} versions={items} />
              )}
            </Section>
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
