import { useQpqRuntimeApi } from 'quidproquo-web-react/lib/esm/hooks/asmj/useQpqRuntimeApi';

export const useApi = useQpqRuntimeApi;
