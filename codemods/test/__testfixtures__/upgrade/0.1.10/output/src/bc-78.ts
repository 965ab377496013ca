import { EventDocInitStateEffect, EventDocPublishEffect } from 'quidproquo-features';

export type DocEffect = EventDocInitStateEffect | EventDocPublishEffect;
