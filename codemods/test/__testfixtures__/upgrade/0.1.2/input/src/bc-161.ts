import { AiFilePart } from 'quidproquo-core';

export const linkOf = (part: AiFilePart): string => part.url;
