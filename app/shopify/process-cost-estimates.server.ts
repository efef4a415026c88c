import { CostBucketEstimates } from "./cost-bucket-estimates";

/**
 * This process's one estimate of each shop's cost bucket, shared by every Admin client it
 * builds (jobs and pages alike): they all spend from the same bucket at Shopify, so they pace
 * together.
 */
export const processCostEstimates = new CostBucketEstimates();
