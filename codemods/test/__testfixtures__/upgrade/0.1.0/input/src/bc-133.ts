import { AiStreamPart } from 'quidproquo-core';

export function textOf(parts: AiStreamPart[]): string {
  let text = '';
  for (const part of parts) {
    if (part.type === 'text-delta') text += part.text;
    switch (part.type) {
      case 'tool-call':
        text += '[tool]';
        break;
      case 'tool-result':
        break;
    }
  }
  return text;
}
