import { QpqCoreKeyValueStoreConstruct, QpqCoreParameterConstruct, QpqCoreSecretConstruct, QpqCoreStorageDriveConstruct } from 'quidproquo-deploy-awscdk';

export class ServiceGrants {
  constructor(role: never, qpqConfig: never) {
    QpqCoreKeyValueStoreConstruct.authorizeActionsForRole(role, qpqConfig, []);
    QpqCoreStorageDriveConstruct.authorizeActionsForRole(role, qpqConfig, []);
    QpqCoreParameterConstruct.authorizeActionsForRole(role, [], qpqConfig);
  }
}

export function grantSecrets(role: never, qpqConfig: never): void {
  QpqCoreSecretConstruct.authorizeActionsForRole(role, [], qpqConfig);
}
