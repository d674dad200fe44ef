import { Badge } from '@mantine/core';
import { reasonLabel } from './contract-text.ts';

/** The whole text, never cut to an ellipsis in a narrow table cell. */
const WHOLE = { label: { overflow: 'visible' } };

type Props = {
  qualified: boolean;
  disqualifiedReason: string | null;
  /** The words for a lead that qualifies, and for one that does not (yet). */
  labels?: { yes: string; no: string };
};

/** MQL, disqualified (with the reason), or neither. */
export function ScoreResultBadge({ qualified, disqualifiedReason, labels = { yes: 'MQL', no: 'Not an MQL' } }: Props) {
  if (disqualifiedReason) {
    return (
      <Badge color="red" variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} styles={WHOLE}>
        Disqualified: {reasonLabel(disqualifiedReason).toLowerCase()}
      </Badge>
    );
  }
  return qualified ? (
    <Badge color="teal" variant="filled" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} styles={WHOLE}>
      {labels.yes}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} styles={WHOLE}>
      {labels.no}
    </Badge>
  );
}
