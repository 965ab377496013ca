import { defineApplicationModule, defineBuildPath, defineQueue, QPQConfig } from 'quidproquo-core';
import { defineRoute } from 'quidproquo-webserver';

declare const __dirname: string;

const buildPath = '../dist';

const service: QPQConfig = [
  defineApplicationModule('shop', 'orders', 'production', __dirname, 'ap-southeast-2'),
  defineBuildPath(buildPath),

  defineRoute('GET', '/orders', '/controllers/orders::getOrders'),
  defineQueue('orders', buildPath, { 'order/placed': '/queues/orders::onOrderPlaced' }),
];

export default service;
