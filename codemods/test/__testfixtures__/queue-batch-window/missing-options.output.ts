import { defineQueue } from 'quidproquo-core';

export default [
  defineQueue('orders', { 'order/placed': '/queues/orders::onOrderPlaced' }, { batchWindowInSeconds: 5 }),
  defineQueue(
    'emails',
    { 'email/send': '/queues/emails::onSend' },
    { batchWindowInSeconds: 5 },
  ),
  defineQueue(
    'invoices',
    { 'invoice/send': '/queues/invoices::onSend' },
    { batchWindowInSeconds: 5 }
  ),
];
