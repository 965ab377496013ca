import { TenantedEventDocOptions } from 'quidproquo-features';

export type Options = TenantedEventDocOptions;
