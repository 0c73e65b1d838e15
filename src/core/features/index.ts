// The registry of capabilities. The report runs them in this order.

import type { Feature, FeatureId } from './feature';
import { riskFeature } from './risk';
import { privacyFeature } from './privacy';

export const FEATURES: Feature[] = [riskFeature, privacyFeature];

export function featureById(id: FeatureId): Feature | undefined {
  return FEATURES.find((f) => f.id === id);
}
