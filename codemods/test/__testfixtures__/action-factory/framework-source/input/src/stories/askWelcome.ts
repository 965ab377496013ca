import { askGreetingSay, GreetingSayActionProcessor, GreetingSayErrorTypeEnum } from '../actions/greeting';
import { AskResponse } from '../types';

export function* askWelcome(name: string): AskResponse<string> {
  return yield* askGreetingSay(name);
}

export const noName = GreetingSayErrorTypeEnum.NoName;
export const sayHello: GreetingSayActionProcessor = async ({ name }) => ({ success: true, result: `hello ${name}` }) as never;
