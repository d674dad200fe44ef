import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<void>('/auth/sign-out', { method: 'POST' }),
    meta: { public: true },
    onSettled: async () => {
      // Leave the signed-in pages first, so nothing refetches (and 401s) after the cache is cleared.
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
    },
  });
}
