// The registry of capabilities. The report runs them in this order.

import type { Feature, FeatureId } from './feature';
import { riskFeature } from './risk';

export const FEATURES: Feature[] = [riskFeature];

export function featureById(id: FeatureId): Feature | undefined {
  return FEATURES.find((f) => f.id === id);
}
