/** What a group is called when its leads have no source, channel or campaign. */
export function groupName(group: string | null): string {
  return group ?? 'Not set';
}
