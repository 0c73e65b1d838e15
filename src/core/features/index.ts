// The registry of capabilities. The report runs them in this order.

import type { Feature, FeatureId } from './feature';
import { riskFeature } from './risk';
import { privacyFeature } from './privacy';
import { budgetFeature } from './budget';
import { normsFeature } from './norms';

export const FEATURES: Feature[] = [riskFeature, privacyFeature, budgetFeature, normsFeature];

export function featureById(id: FeatureId): Feature | undefined {
  return FEATURES.find((f) => f.id === id);
}
