import { QpqCoreKeyValueStoreConstruct } from 'quidproquo-deploy-awscdk';

export function grant(role: never, stores: never[]): void {
  QpqCoreKeyValueStoreConstruct.authorizeActionsForRole(role, stores);
}
