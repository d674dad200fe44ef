import { credit, emptyLedger, ledgerCredits, type ChannelCredit, type PreparedPaths } from './paths.ts';

/**
 * Shapley value over channel sets, exact and for any number of channels.
 *
 * The players are channels; a path counts as the set of channels it touched (order and repeats are
 * ignored: "a > b > a" is the coalition {a, b}). The worth of a coalition S is the conversions (the
 * value) of the paths whose channel set is a subset of S: v(S) = Σ_{T ⊆ S} w(T), where w(T) is what the
 * paths with exactly the set T brought. The w(T) are then v's Harsanyi dividends, and the Shapley value
 * of a game is the sum of each dividend split evenly among its members (Harsanyi 1963):
 * φ_c = Σ_{T ∋ c} w(T) / |T|. So the 2ⁿ coalitions never need enumerating: each path's conversions are
 * shared evenly among its distinct channels, linear in the touches, with no limit on the channel count.
 * Non-converting paths add nothing to v, so nulls play no part.
 */
export function shapleyAttribution(prepared: PreparedPaths): ChannelCredit[] {
  const ledger = emptyLedger(prepared);
  const mark = new Int32Array(prepared.channels.length).fill(-1);
  prepared.paths.forEach((path, p) => {
    if (path.conversions === 0 && path.value === 0) return;
    let members = 0;
    for (const id of path.ids) {
      if (mark[id] === p) continue;
      mark[id] = p;
      members++;
    }
    for (const id of path.ids) {
      if (mark[id] !== p) continue;
      mark[id] = -1; // credited: a repeat of this channel gets nothing more
      credit(ledger, id, path, 1 / members);
    }
  });
  return ledgerCredits(prepared, ledger);
}
