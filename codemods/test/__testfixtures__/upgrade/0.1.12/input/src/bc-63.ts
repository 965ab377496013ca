import { getStateMachineByName } from 'quidproquo-xstate';

export function hasMachine(config: never, name: string): boolean {
  const machine = getStateMachineByName(config, name);
  if (machine === undefined) return false;
  return getStateMachineByName(config, `${name}-v2`) !== undefined;
}
