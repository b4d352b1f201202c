/** One line of benchmark output (brief §4): {"bench","metric","value","unit","n"}. */
export type Metric = { bench: string; metric: string; value: number; unit: string; n: number };
export type Bench = () => Promise<Metric[]>;
