/** How loud to say it. */
export type Volume = 'quiet' | 'loud';

export interface GreetingWaveActionPayload {
  hands: number;
  targets: string[];
}
