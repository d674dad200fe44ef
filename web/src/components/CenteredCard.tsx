import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from './Logo.tsx';

type Props = { title: string; description?: ReactNode; children?: ReactNode; width?: number };

/** A single card in the middle of the page, for pages outside a workspace (sign-in, links, errors). */
export function CenteredCard({ title, description, children, width = 440 }: Props) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={width}>
        <Stack gap="lg">
          <Center>
            <Logo size="xl" />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} fz="h3">
                  {title}
                </Title>
                {description !== undefined && (
                  <Text c="dimmed" size="sm" component="div">
                    {description}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Box>
    </Center>
  );
}
