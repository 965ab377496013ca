/** @qpq route: { method: GET, path: /f } */
export { valid } from './stories';
