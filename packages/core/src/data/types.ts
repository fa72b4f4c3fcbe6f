/** A classification dataset in memory: row-major float32 features and an integer class per row. */
export type Dataset = {
  name: string;
  /** Row-major [rows][numFeatures]. */
  features: Float32Array;
  /** Class index in [0, numClasses) per row. */
  labels: Int32Array;
  rows: number;
  numFeatures: number;
  numClasses: number;
  featureNames: string[];
  classNames: string[];
  /** Hex content hash of features, labels and shape: two datasets with equal hashes hold the same data. */
  hash: string;
};
