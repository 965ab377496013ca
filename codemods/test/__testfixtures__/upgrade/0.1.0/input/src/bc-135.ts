import { ServiceDomainConstruct } from 'quidproquo-deploy-awscdk';

export const construct = ServiceDomainConstruct;
