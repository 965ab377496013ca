import { useQpqRuntimeState } from 'quidproquo-web-react';

export const useState = useQpqRuntimeState;
