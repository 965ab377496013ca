import { describe, expectEqual, it } from '../../testing';
import { askGreetingReset } from './askGreetingReset';
import { askGreetingSay } from './askGreetingSay';

describe('GreetingActionRequester', () => {
  it('yields the say action', () => {
    expectEqual<unknown>(askGreetingSay('Ada').next().value, { type: '@app/Greeting/Say', payload: { name: 'Ada', volume: undefined } });
  });

  it('yields the reset action without a payload', () => {
    expectEqual<unknown>(askGreetingReset().next().value, { type: '@app/Greeting/Reset' });
  });
});
