import { describe, expectEqual, it } from '../../testing';
import { askKvGet } from './KvGetActionRequester';

describe('KvGetActionRequester', () => {
  it('yields the get action', () => {
    const story = askKvGet<string>('k');
    expectEqual<unknown>(story.next().value, { type: '@app/Kv/Get', payload: { key: 'k' } });
  });
});
