import { useQpqRuntimeApi } from 'quidproquo-web-react';

export const useApi = useQpqRuntimeApi;
