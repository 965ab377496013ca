import { defineTenant, defineTenantRoutes } from 'quidproquo-features';

export const tenants = [defineTenant({ owner: { module: 'tenants' } }), defineTenantRoutes({ basePath: '/tenants' })];
