import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { notifySuccess } from '../notify.ts';

/**
 * The "are you sure?" step before removing one item (revoke, deactivate): which item is being
 * asked about, and the props for ConfirmModal that run the removal, say so, and close.
 */
export function useConfirmedRemoval<T extends { id: string }>(
  removal: UseMutationResult<unknown, unknown, string>,
  successMessage: (item: T) => string,
) {
  const [target, setTarget] = useState<T | null>(null);
  const close = () => {
    removal.reset();
    setTarget(null);
  };
  const onConfirm = () => {
    if (!target) return;
    removal.mutate(target.id, {
      onSuccess: () => {
        notifySuccess(successMessage(target));
        close();
      },
    });
  };
  return {
    target,
    ask: setTarget,
    modal: { opened: target !== null, onClose: close, onConfirm, loading: removal.isPending, error: removal.error },
  };
}
