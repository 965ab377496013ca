import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { defineApplicationModule, defineQueue, QPQConfig } from 'quidproquo-core';
import { defineRoute } from 'quidproquo-webserver';

declare const __dirname: string;

const buildPath = '../dist';

const service: QPQConfig = [
  defineApplicationModule('shop', 'orders', 'production', __dirname, buildPath),
  // TODO(qpq-codemod): the AWS account id this service deploys to
  defineAwsServiceAccountInfo('TODO-aws-account-id', 'ap-southeast-2'),

  defineRoute('GET', '/orders', '/controllers/orders::getOrders'),
  defineQueue('orders', { 'order/placed': '/queues/orders::onOrderPlaced' }),
];

export default service;
