import { runStory } from 'quidproquo-core';

export const run = (story: never) => runStory(story, {});
