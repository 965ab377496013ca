// Module augmentation and import types name the package too.
declare module 'quidproquo-core' {
  interface QPQConfigSetting {
    team?: string;
  }
}

export type Setting = import('quidproquo-core').QPQConfigSetting;
