import { createContext, useContext } from 'react';
import type { Controller } from '../state/controller';
import { useStore as useStoreOf, type AppState } from '../state/store';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('ControllerContext is missing');
  return controller;
}

/** Subscribe to a slice of the app state. */
export function useAppState<T>(select: (s: AppState) => T): T {
  return useStoreOf(useController().store, select);
}
