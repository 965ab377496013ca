import { QpqCoreKeyValueStoreConstruct, QpqCoreParameterConstruct, QpqCoreSecretConstruct, QpqCoreStorageDriveConstruct } from 'quidproquo-deploy-awscdk';

export class ServiceGrants {
  constructor(role: never, qpqConfig: never) {
    QpqCoreKeyValueStoreConstruct.authorizeActionsForRole(this, role, qpqConfig, []);
    QpqCoreStorageDriveConstruct.authorizeActionsForRole(this, role, qpqConfig, []);
    QpqCoreParameterConstruct.authorizeActionsForRole(this, role, [], qpqConfig);
  }
}

export function grantSecrets(role: never, qpqConfig: never): void {
  QpqCoreSecretConstruct.authorizeActionsForRole(role, [], qpqConfig);
}
