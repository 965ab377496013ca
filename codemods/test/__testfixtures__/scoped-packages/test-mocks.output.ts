import { vi } from 'vitest';

vi.mock('@quidproquo/core', async () => ({ ...(await vi.importActual('@quidproquo/core')) }));
vi.doMock('@quidproquo/webserver');
jest.mock('@quidproquo/config-aws', () => ({}));
const actual = jest.requireActual('@quidproquo/core');

declare const jest: { mock(name: string, factory?: () => unknown): void; requireActual(name: string): unknown };
export { actual };
