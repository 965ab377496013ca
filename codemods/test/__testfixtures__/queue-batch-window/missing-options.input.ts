import { defineQueue } from 'quidproquo-core';

export default [
  defineQueue('orders', { 'order/placed': '/queues/orders::onOrderPlaced' }),
  defineQueue(
    'emails',
    { 'email/send': '/queues/emails::onSend' },
  ),
  defineQueue(
    'invoices',
    { 'invoice/send': '/queues/invoices::onSend' }
  ),
];
