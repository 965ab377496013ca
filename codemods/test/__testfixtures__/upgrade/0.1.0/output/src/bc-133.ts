import { AiStreamPart, AiStreamPartType } from 'quidproquo-core';

export function textOf(parts: AiStreamPart[]): string {
  let text = '';
  for (const part of parts) {
    if (part.type === AiStreamPartType.TextDelta) text += part.text;
    switch (part.type) {
      case AiStreamPartType.ToolCall:
        text += '[tool]';
        break;
      case AiStreamPartType.ToolResult:
        break;
    }
  }
  return text;
}
