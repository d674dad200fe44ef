import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { NAV_ITEMS, visibleNavItems, type NavItem } from '../../navigation.ts';
import { useCurrentWorkspace } from './use-current-workspace.ts';

function NavEntry({ item, depth }: { item: NavItem; depth: number }) {
  const { pathTo } = useCurrentWorkspace();
  const { pathname } = useLocation();
  const to = pathTo(item.path);
  const Icon = item.icon;
  const isSection = Boolean(item.children?.length);
  // A record page (/leads/<id>) belongs to its list; home ('') only matches itself.
  const isCurrent = !isSection && (pathname === to || (item.path !== '' && pathname.startsWith(`${to}/`)));
  return (
    <>
      <NavLink
        component={Link}
        to={to}
        label={item.label}
        leftSection={<Icon size={18} stroke={1.6} />}
        active={isCurrent}
        aria-current={isCurrent ? 'page' : undefined}
        fw={isSection ? 600 : undefined}
        pl={depth > 0 ? 28 : undefined}
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
      {item.children?.map((child) => <NavEntry key={child.path} item={child} depth={depth + 1} />)}
    </>
  );
}

/** The side navigation, limited to what the person's role can use. */
export function MainNav() {
  const { can } = useCurrentWorkspace();
  return (
    <Stack gap={2}>
      {visibleNavItems(NAV_ITEMS, can).map((item) => (
        <NavEntry key={item.path} item={item} depth={0} />
      ))}
    </Stack>
  );
}
