import { findMatchingCertificates } from 'quidproquo-actionprocessor-awslambda/lib/commonjs/logic/acm/findMatchingCertificates';

export const find = findMatchingCertificates;
