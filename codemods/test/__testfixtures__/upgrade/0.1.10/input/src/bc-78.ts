import { InitStateEffect, PublishEffect } from 'quidproquo-features';

export type DocEffect = InitStateEffect | PublishEffect;
