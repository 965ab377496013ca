import { StateMachineEvent } from 'quidproquo-xstate';

export const amountOf = (event: StateMachineEvent): number => event.amount;
