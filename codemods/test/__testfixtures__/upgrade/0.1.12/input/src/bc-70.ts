import { getDefaultAppName } from 'quidproquo-deploy-rspack';

export const appName = (root: string): string => {
  const name = getDefaultAppName(root);
  return name === undefined ? 'app' : name;
};
