import { askGreetingSay } from '../actions/greeting';
import { AskResponse, ProcessorFor } from '../types';

export function* askWelcome(name: string): AskResponse<string> {
  return yield* askGreetingSay(name);
}

export const noName = askGreetingSay.errorType.NoName;
export const sayHello: ProcessorFor<typeof askGreetingSay> = async ({ name }) => ({ success: true, result: `hello ${name}` }) as never;
